namespace Rayswarm.Runtime.Core;

/// <summary>Where an activation is in its life.</summary>
internal enum ActivationStatus
{
    /// <summary>Constructing the grain, reading state, running OnActivateAsync; requests wait.</summary>
    Activating,
    /// <summary>Serving requests.</summary>
    Valid,
    /// <summary>Finishing running turns, then OnDeactivateAsync; new requests wait and are then forwarded.</summary>
    Deactivating,
    /// <summary>Gone from the catalog; requests that still reach it are forwarded to a new activation.</summary>
    Invalid,
}
