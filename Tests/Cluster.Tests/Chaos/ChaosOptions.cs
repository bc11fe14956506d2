namespace Rayswarm.Cluster.Tests;

/// <summary>What a chaos run does: how long the mixed load runs, how often a silo is killed, whether the gray-failure mode
/// also pauses a silo and kills the gateway, and how long the checks wait for the cluster to settle.</summary>
public sealed record ChaosOptions
{
    /// <summary>How long the mixed load runs; the chaos happens meanwhile.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The period of the chaos: one action (normally a <c>kill -9</c> of a random serving silo and a new silo in its
    /// place) per period, whether or not the previous replacement serves yet; the last serving silo is never taken.</summary>
    public TimeSpan KillEvery { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>No chaos at all: the same load and checks on a quiet cluster (to tell the harness from the cluster).</summary>
    public bool Calm { get; init; }

    /// <summary>Gray failures too: one action pauses a silo with SIGSTOP for <see cref="PauseFor"/>, and one kills the gateway
    /// (<c>kill -9</c>) and starts another on the same port.</summary>
    public bool Gray { get; init; }

    public TimeSpan PauseFor { get; init; } = TimeSpan.FromSeconds(10);

    public int Silos { get; init; } = 3;

    /// <summary>After the load: how long to wait for every workflow to finish and every acknowledged event to be delivered.</summary>
    public TimeSpan DrainDeadline { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the workflow list may lag behind a workflow's own status before it counts as a mismatch.</summary>
    public TimeSpan IndexConvergence { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The load's rates (each spread over a few workers; a worker whose calls are slower runs back to back). Kept
    /// moderate: on a starved CPU the silos miss probes and declare each other dead, which is chaos nobody asked for.</summary>
    public int PublishesPerSecond { get; init; } = 60;

    public int ContributionsPerSecond { get; init; } = 16;

    public int WorkflowsPerSecond { get; init; } = 6;

    /// <summary>Seeds the choice of victims, so a run can be repeated.</summary>
    public int Seed { get; init; } = Environment.TickCount;

    /// <summary>The chaos actions, one per <see cref="KillEvery"/> that ends before <see cref="Duration"/>: kills, and in the
    /// gray mode a pause a third of the way in and the gateway kill two thirds in.</summary>
    public IReadOnlyList<ChaosAction> Plan()
    {
        if (Calm) { return []; }
        var count = (int)Math.Ceiling(Duration / KillEvery) - 1;
        var plan = Enumerable.Repeat(ChaosAction.KillSilo, Math.Max(0, count)).ToArray();
        if (Gray)
        {
            if (plan.Length < 2)
            {
                throw new ArgumentException($"The gray mode needs two chaos periods within the load: a duration over {2 * KillEvery.TotalSeconds} s.");
            }
            plan[plan.Length / 3] = ChaosAction.PauseSilo;
            plan[2 * plan.Length / 3] = ChaosAction.KillGateway;
        }
        return plan;
    }
}
