using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// Makes the subscriptions of this silo's hosted domains (<see cref="DomainSubscriptionDefaults"/>, or the setting
/// <see cref="DomainSubscriptionServiceCollectionExtensions.SettingKey"/>) once the silo serves, in the background, retrying
/// until the bus accepts each one. Every silo does it; the bus returns the same subscription for the same domain and
/// pattern, so it exists once. Invalid patterns in the setting stop the start (in <c>StartingAsync</c>). It runs once the
/// silo serves (<see cref="SiloBackgroundWork"/>).
/// </summary>
internal sealed partial class HostedDomainSubscriber(IServiceProvider services, IEnumerable<DomainSubscriptionDefaults> domains) : SiloBackgroundWork(services)
{
    private IReadOnlyList<SubscribeRequest> _wanted = [];

    public override Task StartingAsync(CancellationToken cancellationToken)
    {
        var configuration = Services.GetService<IConfiguration>();
        _wanted = [.. domains.SelectMany(d => DomainSubscriptionServiceCollectionExtensions.PatternsOf(d, configuration)
            .Select(p => new SubscribeRequest(d.DomainId, p)))];
        return Task.CompletedTask;
    }

    protected override async Task RunAsync(CancellationToken stopping)
    {
        var bus = Services.GetRequiredService<IGrainFactory>().GetGrain<IEventBusGrain>(IEventBusGrain.Key);
        var time = Services.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = Services.GetService<ILogger<HostedDomainSubscriber>>() ?? (ILogger)NullLogger.Instance;
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
                await Task.Delay(RetryDelay(failures), time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe the hosted domain {DomainId} to {Pattern}; retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, string domainId, string pattern, Exception exception);
}
