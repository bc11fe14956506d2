using Microsoft.Extensions.Hosting;

namespace Rayswarm.Grains;

/// <summary>
/// Whether this silo serves: from the end of its start (after Orleans' last start stage, when the stream providers run)
/// until its stop begins (the host's <see cref="IHostApplicationLifetime.ApplicationStopping"/>, or the silo lifecycle's first
/// stop stage). Outside that window Orleans and our services may not run yet or may be disposed, and what fails because of it
/// (an <see cref="InvalidOperationException"/>, an <see cref="ObjectDisposedException"/>, a cancellation) is the cluster being
/// unavailable, not a bug: see <see cref="StreamFailures"/>.
/// </summary>
internal sealed class SiloRunState(IHostApplicationLifetime? lifetime = null) : ILifecycleParticipant<ISiloLifecycle>
{
    private volatile bool _running;

    public bool IsServing => _running && lifetime?.ApplicationStopping.IsCancellationRequested != true;

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        // The last stage starts after every other one and stops before any other one.
        lifecycle.Subscribe(nameof(SiloRunState), ServiceLifecycleStage.Last,
            _ => { _running = true; return Task.CompletedTask; },
            _ => { _running = false; return Task.CompletedTask; });
    }
}
