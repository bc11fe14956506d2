using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Cluster.Tests;

/// <summary>A workflow the load created (the gateway acknowledged it): its id, the token its contribution carries, and
/// whether it was made to roll back.</summary>
public sealed record LoadWorkflow(string WorkflowId, string Token, bool MeantToRollBack)
{
    /// <summary>The status it must end in.</summary>
    public string Expected => MeantToRollBack ? WorkflowStatus.RolledBack : WorkflowStatus.Completed;
}
