namespace Rayswarm.Runtime.Core;

/// <summary>Idle collection and deactivation. Configuration section <c>Rayswarm:GrainCollection</c>.</summary>
public sealed class GrainCollectionOptions
{
    /// <summary>Idle time after which an activation is collected, unless its class overrides it. Default 15 minutes.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the collector looks for idle activations. Default 1 minute.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The cancellation deadline given to OnDeactivateAsync. Default 30 seconds.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
