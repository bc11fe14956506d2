using System.Text.Json;
using Rayswarm.Grains;
using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Sqlite;

namespace Rayswarm.Gateway;

/// <summary>Composes the gateway: JSON conventions, problem details and, in embedded mode, a co-hosted silo on SQLite.</summary>
internal static class GatewayHostingExtensions
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        BindAddressGuard.EnsureLoopback(builder.Configuration);
        var options = GatewayOptions.From(builder.Configuration);
        Directory.CreateDirectory(Path.GetDirectoryName(options.DatabasePath)!);
        builder.Services.AddSingleton(options);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        builder.Services.AddDomainSystem();
        builder.Services.AddSqliteKnowledgeStore(options.DatabasePath);
        builder.UseSilo(silo => silo
            .AddSqliteGrainStorage(GrainStorageNames.Default, o => o.DatabasePath = options.DatabasePath)
            .UseSqliteReminders(o => o.DatabasePath = options.DatabasePath)
            .AddStreams()
            .UseSqliteStreamLog(o => o.DatabasePath = options.DatabasePath));
        return builder;
    }

    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
