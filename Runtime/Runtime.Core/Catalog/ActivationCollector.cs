using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>Every collection quantum, deactivates activations idle longer than their class's collection age.</summary>
internal sealed class ActivationCollector(SiloRuntime runtime, TimeSpan quantum) : IDisposable
{
    private ITimer? _timer;

    public void Start() =>
        _timer = runtime.TimeProvider.CreateTimer(static s => ((ActivationCollector)s!).Collect(), this, quantum, quantum);

    /// <summary>One sweep; returns how many activations it asked to deactivate.</summary>
    public int Collect()
    {
        var time = runtime.TimeProvider;
        var now = time.GetTimestamp();
        var collected = 0;
        foreach (var activation in runtime.Catalog.Activations())
        {
            var age = activation.Class.CollectionAge;
            if (age == Timeout.InfiniteTimeSpan) { continue; }
            if (activation.IsIdleLongerThan(now, (long)(age.TotalSeconds * time.TimestampFrequency)))
            {
                _ = activation.StartDeactivation(DeactivationReason.IdleCollection);
                collected++;
            }
        }
        if (collected > 0) { runtime.Log.Collected(collected); }
        return collected;
    }

    public void Dispose() => _timer?.Dispose();
}
