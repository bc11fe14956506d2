namespace Rayswarm.Grains.Providers.Tests.AdoNet;

/// <summary>
/// Runs the start steps that providers subscribe to a silo lifecycle, in stage order, without a silo: how a test
/// initializes a provider whose initialization is private to its lifecycle participation (AdoNetGrainStorage).
/// </summary>
internal sealed class TestSiloLifecycle : ISiloLifecycle
{
    private readonly List<(int Stage, ILifecycleObserver Observer)> _observers = [];

    public int HighestCompletedStage { get; private set; } = int.MinValue;

    public int LowestStoppedStage { get; private set; } = int.MaxValue;

    public static async Task StartAsync(params ILifecycleParticipant<ISiloLifecycle>[] participants)
    {
        var lifecycle = new TestSiloLifecycle();
        foreach (var participant in participants)
        {
            participant.Participate(lifecycle);
        }

        foreach (var group in lifecycle._observers.GroupBy(o => o.Stage).OrderBy(g => g.Key))
        {
            await Task.WhenAll(group.Select(o => o.Observer.OnStart(CancellationToken.None)));
            lifecycle.HighestCompletedStage = group.Key;
        }
    }

    public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
    {
        _observers.Add((stage, observer));
        return new Subscription();
    }

    private sealed class Subscription : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
