using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Rayswarm.Grains;

/// <summary>
/// Work a silo does in the background once it serves: the hosted domains' registration, their subscriptions and their
/// knowledge folders. Hosts add the domain system before the silo, so a service's <c>StartAsync</c> runs before the silo's;
/// the work therefore starts in <c>StartedAsync</c>, which the host calls after every hosted service started (the silo
/// serves and, in a cluster, has joined), on the thread pool so the host's start is never held up. <c>StoppingAsync</c>
/// cancels it and waits for it. In a process without a silo (a cluster client) it does nothing.
/// </summary>
internal abstract class SiloBackgroundWork(IServiceProvider services) : IHostedLifecycleService, IAsyncDisposable
{
    /// <summary>The longest wait between retries of a failed attempt (1 s, 2 s, … up to this).</summary>
    protected static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stopping = new();
    private Task _work = Task.CompletedTask;

    protected IServiceProvider Services => services;

    /// <summary>The wait before retry number <paramref name="failures"/>: a second per failure, at most <see cref="MaxRetryDelay"/>.</summary>
    protected static TimeSpan RetryDelay(int failures) => TimeSpan.FromSeconds(Math.Min(MaxRetryDelay.TotalSeconds, failures));

    /// <summary>Reads what the work needs before the host starts; a bad setting throws here and stops the start.</summary>
    public virtual Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<ILocalSiloDetails>() is not null)
        {
            _work = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        }
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _work.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The work, until <paramref name="stopping"/> is cancelled (or sooner, when it has nothing left to do).</summary>
    protected abstract Task RunAsync(CancellationToken stopping);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _work.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        DisposeResources();
        _stopping.Dispose();
    }

    /// <summary>Releases what the work holds besides its task (file watchers), after it ended.</summary>
    protected virtual void DisposeResources() { }
}
