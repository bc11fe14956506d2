using Orleans.Dashboard;

namespace Rayswarm.Gateway;

/// <summary>
/// The dashboard in the gateway, in both modes: the Orleans dashboard at <c>/dashboard</c> (served from the co-hosted silo's
/// services when embedded, through the cluster client in cluster mode; every silo adds its half, <c>AddClusterDashboard</c>),
/// our domain views at <c>/dashboard/domains</c>, linked both ways, and the login. With API keys every dashboard route needs the
/// admin scope.
/// </summary>
internal static partial class DashboardEndpoints
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        var withLogout = !app.Services.GetRequiredService<ApiKeyRing>().IsEmpty;
        app.MapDashboardLogin();
        app.MapDomainViews(withLogout);
        if (!app.MapOrleansDashboardPage(withLogout)) { LogNoLinkBack(app.Logger); }
        app.MapOrleansDashboard(DashboardRoutes.Prefix)
            .WithMetadata(new RequireScopeAttribute(Scopes.Admin), BrowserPage.Instance)
            .ExcludeFromDescription();
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Orleans dashboard's page was not found in its package: it is served without the link to the domain views")]
    private static partial void LogNoLinkBack(ILogger logger);
}
