using System.Text.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rayswarm.Grains;

namespace Rayswarm.Gateway;

/// <summary>Composes the gateway: JSON conventions, problem details, API keys, the OpenAPI document and either a
/// co-hosted silo on SQLite (embedded mode) or a client of a cluster (cluster mode, <c>--postgres</c>), and telemetry
/// (docs/operations.md).</summary>
internal static class GatewayHostingExtensions
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var options = GatewayOptions.From(builder.Configuration);
        BindAddressGuard.EnsureProtected(builder.Configuration, options);
        // The default bind in code, not in appsettings.json: there it would win over ASPNETCORE_URLS.
        if (!BindAddressGuard.HasBindSettings(builder.Configuration)) { builder.WebHost.UseUrls(BindAddressGuard.DefaultUrl); }
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ApiKeyRing>();
        builder.Services.TryAddSingleton(TimeProvider.System); // the embedded silo adds it too; a cluster client does not
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            // Answers the framework writes itself (status code pages) still say what to do.
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
            {
                StatusCodes.Status413PayloadTooLarge => $"The request body is larger than the {options.MaxRequestBodyBytes} bytes this gateway accepts (--max-request-body-bytes).",
                StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with Content-Type: application/json.",
                StatusCodes.Status404NotFound => $"No route {context.HttpContext.Request.Method} {context.HttpContext.Request.Path}; see /openapi/v1.json.",
                StatusCodes.Status405MethodNotAllowed => $"{context.HttpContext.Request.Method} is not allowed on {context.HttpContext.Request.Path}.",
                _ => null,
            };
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Binding failures (unreadable JSON, wrong content type) throw so ProblemExceptionHandler can name the problem.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddGatewayJson();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Rayswarm domain system";
            document.Info.Description = "Registry, event bus, shared memory and workflows of the domain cluster.";
            return Task.CompletedTask;
        }));
        builder.Services.AddDomainSystem();
        // /metrics is served over HTTP; the stdio MCP server listens on no port.
        var telemetry = TelemetryOptions.From(builder.Configuration, "rayswarm-gateway", prometheus: !McpStdio.IsRequested(builder.Configuration));
        builder.AddRayswarmTelemetry(telemetry);
        if (options.IsClusterMode)
        {
            builder.AddClusterClient(options, telemetry);
        }
        else
        {
            builder.AddEmbeddedSilo(options, telemetry);
        }
        return builder;
    }

    /// <summary>The API's JSON conventions: snake_case names, and workflow steps as the design writes them.</summary>
    public static IServiceCollection AddGatewayJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.Converters.Add(new WorkflowStepJson());
        });

    /// <summary>The domain system's JSON APIs under <c>/domains</c> (what the dashboard's domain views read).</summary>
    public static WebApplication MapDomainApis(this WebApplication app)
    {
        app.MapSystemApi();
        app.MapRegistryApi();
        app.MapMemoryApi();
        app.MapEventsApi();
        app.MapWorkflowsApi();
        app.MapReviewsApi();
        return app;
    }

    public static WebApplication UseGateway(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<StoppingGate>(); // a stopping gateway takes no new work: 503 with Retry-After
        app.UseRouting();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "swagger";
            ui.SwaggerEndpoint("/openapi/v1.json", "Rayswarm v1");
        });
        return app;
    }
}
