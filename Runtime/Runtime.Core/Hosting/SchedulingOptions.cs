namespace Rayswarm.Runtime.Core;

/// <summary>Scheduling. Configuration section <c>Rayswarm:Scheduling</c>.</summary>
public sealed class SchedulingOptions
{
    /// <summary>Activations per stateless-worker grain id in one silo, unless the class says otherwise. Default: the core count.</summary>
    public int MaxLocalStatelessWorkers { get; set; } = Environment.ProcessorCount;
}
