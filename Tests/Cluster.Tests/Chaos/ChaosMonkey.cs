namespace Rayswarm.Cluster.Tests;

/// <summary>Carries out <see cref="ChaosOptions.Plan"/> while the load runs: one action per <see cref="ChaosOptions.KillEvery"/>,
/// on that cadence whether or not the previous action's replacement serves yet (a silo may take longer than the period to
/// start on a busy machine); <see cref="RunAsync"/> returns once every action finished.</summary>
public sealed class ChaosMonkey(ChaosCluster cluster, ChaosOptions options)
{
    private int _kills, _pauses, _gatewayKills;
    private long _gatewayDownTicks;

    /// <summary>Silos killed (a tick that found fewer than two silos serving did nothing).</summary>
    public int Kills => Volatile.Read(ref _kills);

    public int Pauses => Volatile.Read(ref _pauses);

    public int GatewayKills => Volatile.Read(ref _gatewayKills);

    public TimeSpan GatewayDown => TimeSpan.FromTicks(Interlocked.Read(ref _gatewayDownTicks));

    public async Task RunAsync(CancellationToken loadEnd)
    {
        var actions = new List<Task>();
        using var period = new PeriodicTimer(options.KillEvery);
        try
        {
            foreach (var action in options.Plan())
            {
                if (!await period.WaitForNextTickAsync(loadEnd)) { break; }
                actions.Add(Task.Run(() => ActAsync(action), CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (loadEnd.IsCancellationRequested)
        {
            // the load is over: no more chaos
        }
        await Task.WhenAll(actions);
    }

    private async Task ActAsync(ChaosAction action)
    {
        switch (action)
        {
            case ChaosAction.KillSilo:
                if (await cluster.KillSiloAsync()) { Interlocked.Increment(ref _kills); }
                break;
            case ChaosAction.PauseSilo:
                if (await cluster.PauseSiloAsync(options.PauseFor)) { Interlocked.Increment(ref _pauses); }
                break;
            case ChaosAction.KillGateway:
                Interlocked.Increment(ref _gatewayKills);
                Interlocked.Add(ref _gatewayDownTicks, (await cluster.KillGatewayAsync()).Ticks);
                break;
        }
    }
}
