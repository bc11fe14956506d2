using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// Makes the subscriptions of this silo's hosted domains (<see cref="DomainSubscriptionDefaults"/>, or the setting
/// <see cref="DomainSubscriptionServiceCollectionExtensions.SettingKey"/>) once the silo serves, in the background, retrying
/// until the bus accepts each one. Every silo does it; the bus returns the same subscription for the same domain and
/// pattern, so it exists once. Invalid patterns in the setting stop the start (in <c>StartingAsync</c>). In a process
/// without a silo it does nothing.
/// </summary>
internal sealed partial class HostedDomainSubscriber(IServiceProvider services, IEnumerable<DomainSubscriptionDefaults> domains) : IHostedLifecycleService, IAsyncDisposable
{
    private static readonly TimeSpan s_maxRetryDelay = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource _stopping = new();
    private IReadOnlyList<SubscribeRequest> _wanted = [];
    private Task _loop = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var configuration = services.GetService<IConfiguration>();
        _wanted = [.. domains.SelectMany(d => DomainSubscriptionServiceCollectionExtensions.PatternsOf(d, configuration)
            .Select(p => new SubscribeRequest(d.DomainId, p)))];
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (_wanted.Count > 0 && services.GetService<ILocalSiloDetails>() is not null)
        {
            _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        }
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RunAsync(CancellationToken stopping)
    {
        var bus = services.GetRequiredService<IGrainFactory>().GetGrain<IEventBusGrain>(IEventBusGrain.Key);
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = services.GetService<ILogger<HostedDomainSubscriber>>() ?? (ILogger)NullLogger.Instance;
        var pending = _wanted.ToList();
        for (var failures = 1; pending.Count > 0 && !stopping.IsCancellationRequested; failures++)
        {
            foreach (var request in pending.ToList())
            {
                try
                {
                    await bus.Subscribe(request).WaitAsync(stopping);
                    pending.Remove(request);
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    LogSubscribeFailed(logger, request.DomainId, request.Pattern, e);
                }
            }
            if (pending.Count == 0) { return; }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(s_maxRetryDelay.TotalSeconds, failures)), time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe the hosted domain {DomainId} to {Pattern}; retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, string domainId, string pattern, Exception exception);
}
