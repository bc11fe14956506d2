using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Rayswarm.Grains.Tests;

/// <summary>A silo as the embedded gateway's (everything in the SQLite file <c>rayswarm.db</c> of a folder the test owns,
/// so a second silo on the same folder is a restart), with the domain modules the configuration enables among
/// <see cref="EchoModule"/>; <c>services</c> changes the services last.</summary>
public sealed class ModuleSilo : DomainSilo
{
    private ModuleSilo(IHost host) : base(host, null) { }

    /// <summary>Known module: echo (enabled by <c>domains</c>); or, with <paramref name="found"/>, no known ones and those
    /// always enabled, as a Silo hosts the modules of a <c>--grain-assembly</c>.</summary>
    public static async Task<ModuleSilo> StartAsync(string folder, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null,
        IReadOnlyList<DomainModule>? found = null) =>
        new(await StartHostAsync(builder =>
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            builder.Services.AddDomainSystem();
            builder.Services.AddDomainModules(configuration, found is null ? [new EchoModule()] : [], found);
            builder.Services.AddWorkflowSigning(o => o.KeyFile = Path.Combine(folder, "signing-key.pem"));
            services?.Invoke(builder.Services);
        }, silo => silo.UseSqliteDatabase(Path.Combine(folder, "rayswarm.db"))));
}
