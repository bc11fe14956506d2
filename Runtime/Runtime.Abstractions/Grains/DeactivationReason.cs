namespace Rayswarm.Runtime.Abstractions;

/// <summary>Why an activation is going away.</summary>
public enum DeactivationReason
{
    /// <summary>Idle past its collection age.</summary>
    IdleCollection,
    /// <summary>The grain asked for it (<c>DeactivateOnIdle</c>).</summary>
    ApplicationRequested,
    /// <summary>The silo is shutting down.</summary>
    ShuttingDown,
    /// <summary>Activation failed.</summary>
    ActivationFailed,
}
