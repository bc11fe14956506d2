using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// Registers this silo's hosted domains (<see cref="HostedDomainCatalog"/>) in the registry as
/// <see cref="DomainKinds.Hosted"/>, with their declared capabilities (a module's) and action names as capabilities, and keeps them healthy: every
/// <see cref="RegistryOptions.HeartbeatInterval"/> it sends the same registration again, which the registry counts as a
/// heartbeat (<see cref="IDomainGrain.RegisterHosted"/>). So a hosted domain stays healthy while any silo hosting it runs,
/// and becomes unhealthy by the registry's health reminder once none does; a silo that starts again (or a domain that
/// was unregistered meanwhile) registers it again.
/// <para>Start-up order: hosts add the domain system before the silo (<c>AddDomainSystem</c>, then <c>UseSilo</c>), so
/// this service's <c>StartAsync</c> runs before the silo's. It therefore starts its work in <c>StartedAsync</c>, which the
/// host calls after every hosted service started (the silo serves and, in a cluster, has joined), and does it in the
/// background so the host's start is never held up by the registry. In a process without a silo (a cluster client, e.g.
/// the gateway in cluster mode) it does nothing: only silos host domains.</para>
/// </summary>
internal sealed partial class HostedDomainRegistrar(IServiceProvider services, HostedDomainCatalog catalog) : IHostedLifecycleService, IAsyncDisposable
{
    private static readonly TimeSpan s_maxRetryDelay = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (catalog.DomainIds.Count > 0 && services.GetService<ILocalSiloDetails>() is not null)
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
        var grains = services.GetRequiredService<IGrainFactory>();
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var interval = (services.GetService<RegistryOptions>() ?? new RegistryOptions()).HeartbeatInterval;
        var logger = services.GetService<ILogger<HostedDomainRegistrar>>() ?? (ILogger)NullLogger.Instance;
        var registry = grains.GetGrain<IRegistryGrain>(IRegistryGrain.Key);
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            var failed = false;
            foreach (var domainId in catalog.DomainIds)
            {
                try
                {
                    var grainType = catalog.GrainTypeOf(domainId)!;
                    var actions = await grains.GetGrain<IDomainWorkerGrain>(GrainId.Create(grainType, domainId)).DescribeActions().WaitAsync(stopping);
                    var capabilities = catalog.CapabilitiesOf(domainId).Concat(actions.Select(a => a.Name)).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal).ToArray();
                    await registry.RegisterHosted(new HostedDomainRegistration(domainId, grainType, capabilities)).WaitAsync(stopping);
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    failed = true;
                    LogRegisterFailed(logger, domainId, e);
                }
            }
            failures = failed ? failures + 1 : 0;
            // A failure is retried soon (the registry may not be reachable yet), else the next heartbeat is due.
            var delay = failed ? TimeSpan.FromSeconds(Math.Min(s_maxRetryDelay.TotalSeconds, failures)) : interval;
            try
            {
                await Task.Delay(delay < interval ? delay : interval, time, stopping);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not register the hosted domain {DomainId} in the registry; retrying")]
    private static partial void LogRegisterFailed(ILogger logger, string domainId, Exception exception);
}
