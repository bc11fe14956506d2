using Microsoft.Extensions.Hosting;

namespace Rayswarm.Grains.Tests;

/// <summary>A real silo with the domain system, in-memory grain storage and streams, and the shared memory in a fresh
/// SQLite file (or no knowledge store at all), started for one test.</summary>
public sealed class MemorySilo : DomainSilo
{
    private MemorySilo(IHost host, string folder) : base(host, folder) { }

    public static async Task<MemorySilo> StartAsync(bool withStore = true)
    {
        var folder = Directory.CreateTempSubdirectory("rayswarm-memory-silo-").FullName;
        return new MemorySilo(await StartHostAsync(builder =>
        {
            builder.Services.AddDomainSystem();
            if (withStore) { builder.Services.AddSqliteKnowledgeStore(Path.Combine(folder, "memory.db")); }
        }, silo => silo.AddMemoryGrainStorageAsDefault().UseInMemoryReminderService().AddEventLogStreams().UseMemoryEventLog()), folder);
    }
}
