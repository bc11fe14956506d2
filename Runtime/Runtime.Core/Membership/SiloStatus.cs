namespace Rayswarm.Runtime.Core;

/// <summary>A silo's state in the membership table. Dead is terminal.</summary>
public enum SiloStatus
{
    /// <summary>Inserted its row; probing the active silos before it serves.</summary>
    Joining = 1,
    /// <summary>Serving.</summary>
    Active = 2,
    /// <summary>Shutting down gracefully: no new activations are placed on it.</summary>
    ShuttingDown = 3,
    /// <summary>Gone for good (stopped, or declared dead by its peers). A silo told it is dead stops itself.</summary>
    Dead = 4,
}
