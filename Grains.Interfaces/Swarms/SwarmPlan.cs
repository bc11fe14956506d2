namespace Rayswarm.Grains.Interfaces;

/// <summary>A task planned over a swarm: the workflow created for it (not yet started).</summary>
/// <param name="Swarm">The swarm.</param>
/// <param name="Topology">The topology that shaped the steps.</param>
/// <param name="Strategy">The strategy used (adaptive resolved to parallel or sequential).</param>
/// <param name="Workflow">The created workflow.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.SwarmPlan")]
public sealed record SwarmPlan(string Swarm, string Topology, string Strategy, WorkflowInfo Workflow);
