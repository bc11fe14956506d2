using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Rayswarm.Runtime.Core;

/// <summary>Starts the silo's services with the host and, on stop, deactivates every grain gracefully.</summary>
internal sealed class SiloHostedService(SiloRuntime runtime, ReminderService reminders, IOptions<GrainCollectionOptions> collection) : IHostedService
{
    private ActivationCollector? _collector;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await reminders.StartAsync(cancellationToken);
        _collector = new ActivationCollector(runtime, collection.Value.CollectionQuantum);
        _collector.Start();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await reminders.StopAsync();
        _collector?.Dispose();
        await runtime.StopAsync(cancellationToken);
    }
}
