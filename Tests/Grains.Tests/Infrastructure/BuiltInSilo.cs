using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>A real silo set up as the embedded gateway's (everything in one SQLite file: grain state, reminders, the
/// stream log, the knowledge store), with the built-in domains and the test domains "alpha", "beta", "gamma"; <c>services</c>
/// changes the services last. In a temporary folder deleted afterwards, or in <c>dataDir</c>, kept (a restart).</summary>
public sealed class BuiltInSilo : DomainSilo
{
    private BuiltInSilo(IHost host, string? temporary) : base(host, temporary) { }

    /// <summary>The hosted worker grain of a domain, as workflows reach it.</summary>
    public async Task<IDomainWorkerGrain> WorkerAsync(string domainId) =>
        Assert.IsType<DomainTarget.Hosted>(await Host.Services.GetRequiredService<DomainResolver>().ResolveAsync(domainId)).Worker;

    public static async Task<BuiltInSilo> StartAsync(Action<IServiceCollection>? services = null, string? dataDir = null)
    {
        var folder = dataDir ?? Directory.CreateTempSubdirectory("rayswarm-builtin-silo-").FullName;
        var database = Path.Combine(folder, "rayswarm.db");
        return new BuiltInSilo(await StartHostAsync(builder =>
        {
            builder.Services.AddDomainSystem();
            foreach (var domain in new[] { "alpha", "beta", "gamma" }) { builder.Services.AddDomainWorker<TestDomainGrain>(domain); }
            builder.Services.AddWorkflowSigning(o => o.KeyFile = Path.Combine(folder, "signing-key.pem"));
            services?.Invoke(builder.Services);
        }, silo => silo.UseSqliteDatabase(database)), dataDir is null ? folder : null);
    }
}
