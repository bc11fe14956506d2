using System.Net;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;
using Rayswarm.Domains.Shipped;
using Rayswarm.Grains;

namespace Rayswarm.Silo;

/// <summary>Builds the Orleans silo from configuration: PostgreSQL (Rayswarm:Postgres) means a cluster member; otherwise one
/// silo alone on SQLite under the data dir.</summary>
internal static class SiloConfiguration
{
    public static IHostApplicationBuilder AddSiloFromConfiguration(this IHostApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddCommandLine(SiloCommandLine.WithFlagValues(args), SiloCommandLine.Switches);
        var configuration = builder.Configuration;
        var postgres = configuration["Rayswarm:Postgres"];
        var clusterId = configuration["Rayswarm:Cluster:ClusterId"] is { Length: > 0 } id ? id : "rayswarm";
        var dataDir = Path.GetFullPath(configuration["data-dir"] is { Length: > 0 } dir ? dir : "data");
        var endpoint = SiloEndpoint.From(configuration);
        var extraAssemblies = LoadGrainAssemblies(configuration["Rayswarm:GrainAssembly"]);
        // The enabled modules (--domains), and every module a --grain-assembly contains; an unknown name stops the start.
        builder.Services.AddDomainModules(configuration, ShippedDomainModules.All, extraAssemblies.SelectMany(DomainModuleSelection.FoundIn));
        var http = SiloHttpOptions.From(configuration, endpoint);
        var telemetry = TelemetryOptions.From(configuration, "rayswarm-silo", prometheus: http.Enabled);
        builder.AddRayswarmTelemetry(telemetry);
        if (http.Enabled)
        {
            // Every probe and scrape would log four lines at Information; keep ASP.NET Core to warnings unless configured.
            if (configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null) { builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning); }
            // Before UseOrleans: hosted services start in order and stop in reverse, so the probes outlive the silo's start and stop.
            builder.Services.AddSingleton(http);
            builder.Services.AddHostedService<SiloHttpListener>();
        }

        // Workflow proofs: every silo of a cluster derives the same key from the shared secret; a lone silo keeps one in its data dir.
        builder.Services.AddWorkflowSigning(o =>
        {
            o.ClusterSecret = configuration["Rayswarm:Cluster:Secret"];
            o.KeyFile = Path.Combine(dataDir, "signing-key.pem");
        });
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, clusterId));
            if (configuration["Rayswarm:SiloName"] is { Length: > 0 } name) { silo.Configure<SiloOptions>(o => o.SiloName = name); }
            silo.ConfigureEndpoints(endpoint.Advertised, endpoint.SiloPort, endpoint.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(endpoint.Advertised));
            silo.UseClusterTimings().AddDomainSystem()
                .AddClusterDashboard(configuration.GetSection(ClusterDashboardOptions.Section).Get<ClusterDashboardOptions>());
            if (telemetry.Traces) { silo.AddActivityPropagation(); } // grain call filters: only when spans are wanted
            silo.Services.AddSerializer(s => { foreach (var assembly in extraAssemblies) { s.AddAssembly(assembly); } });
            SiloLinkSecurity.Apply(silo, configuration, endpoint);
            SiloKubernetesHosting.Apply(silo, configuration, clusterId, endpoint);
            if (string.IsNullOrEmpty(postgres))
            {
                silo.UseDevelopmentClustering(new IPEndPoint(endpoint.Advertised, endpoint.SiloPort));
                silo.UseSqliteDatabase(Path.Combine(dataDir, "rayswarm.db"));
                return;
            }
            silo.UsePostgresDatabase(postgres);
        });
        return builder;
    }

    /// <summary>Prints "silo-ready ADDRESS" on standard output once the silo serves (scripts and tests wait for it).</summary>
    public static void ReportWhenStarted(this IHost host)
    {
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var details = host.Services.GetRequiredService<ILocalSiloDetails>();
        lifetime.ApplicationStarted.Register(() => Console.WriteLine($"silo-ready {details.SiloAddress}"));
    }

    // Extra grain classes (test grains, modules built outside this repository), loaded before the silo builds its type manifest.
    private static IReadOnlyList<Assembly> LoadGrainAssemblies(string? paths) =>
        [.. (paths ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(path => AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(path)))];
}
