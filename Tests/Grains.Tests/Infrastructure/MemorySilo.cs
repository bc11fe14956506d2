using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>A real silo with the domain system, in-memory grain storage and streams, and the shared memory in a fresh
/// SQLite file with the reviews (or no knowledge store at all), started for one test; <c>services</c> changes the services
/// last (the review settings).</summary>
public sealed class MemorySilo : DomainSilo
{
    private MemorySilo(IHost host, string folder) : base(host, folder) { }

    public IReviewsGrain Reviews => Grains.GetGrain<IReviewsGrain>(IReviewsGrain.Key);

    public static async Task<MemorySilo> StartAsync(bool withStore = true, Action<IServiceCollection>? services = null)
    {
        var folder = Directory.CreateTempSubdirectory("rayswarm-memory-silo-").FullName;
        return new MemorySilo(await StartHostAsync(builder =>
        {
            builder.Services.AddDomainSystem();
            if (withStore)
            {
                builder.Services.AddSqliteKnowledgeStore(Path.Combine(folder, "memory.db"));
                builder.Services.AddSqliteReviews(Path.Combine(folder, "memory.db"));
            }
            services?.Invoke(builder.Services);
        }, silo => silo.AddMemoryGrainStorageAsDefault().UseInMemoryReminderService().AddEventLogStreams().UseMemoryEventLog()), folder);
    }
}
