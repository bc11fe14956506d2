namespace Rayswarm.Cluster.Tests;

/// <summary>One thing the chaos does to the cluster.</summary>
public enum ChaosAction
{
    /// <summary><c>kill -9</c> of a random silo, then a new silo process in its place.</summary>
    KillSilo,

    /// <summary>SIGSTOP of a random silo, SIGCONT after the pause; a new silo if it does not survive being declared dead.</summary>
    PauseSilo,

    /// <summary><c>kill -9</c> of the gateway, then a new gateway on the same port.</summary>
    KillGateway,
}
