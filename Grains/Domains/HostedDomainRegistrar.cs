using Microsoft.Extensions.DependencyInjection;
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
/// It runs once the silo serves (<see cref="SiloBackgroundWork"/>): only silos host domains.
/// </summary>
internal sealed partial class HostedDomainRegistrar(IServiceProvider services, HostedDomainCatalog catalog) : SiloBackgroundWork(services)
{
    protected override async Task RunAsync(CancellationToken stopping)
    {
        if (catalog.DomainIds.Count == 0) { return; }
        var grains = Services.GetRequiredService<IGrainFactory>();
        var time = Services.GetService<TimeProvider>() ?? TimeProvider.System;
        var interval = (Services.GetService<RegistryOptions>() ?? new RegistryOptions()).HeartbeatInterval;
        var logger = Services.GetService<ILogger<HostedDomainRegistrar>>() ?? (ILogger)NullLogger.Instance;
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
            var delay = failed ? RetryDelay(failures) : interval;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not register the hosted domain {DomainId} in the registry; retrying")]
    private static partial void LogRegisterFailed(ILogger logger, string domainId, Exception exception);
}
