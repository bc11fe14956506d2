namespace Rayswarm.Gateway;

/// <summary>
/// The domain views at <c>/dashboard/domains</c>: plain HTML, CSS and JS embedded in the gateway (<see cref="DashboardFiles"/>)
/// that read the <c>/domains/...</c> JSON API and refresh by polling: domains and their health, the event flow, workflows
/// (and one workflow's page at <c>/dashboard/domains/workflows/{id}</c>) and the shared memory. The pages carry no data
/// themselves; the data routes check the caller's key (or session cookie) as for any client.
/// </summary>
internal static class DomainViews
{
    public static IEndpointRouteBuilder MapDomainViews(this IEndpointRouteBuilder routes, bool withLogout)
    {
        var overview = Page("domains.html", withLogout);
        var workflow = Page("workflow.html", withLogout);
        var pages = routes.MapGroup(DashboardRoutes.DomainViews)
            .WithMetadata(new RequireScopeAttribute(Scopes.Admin), BrowserPage.Instance)
            .ExcludeFromDescription();
        pages.MapGet("/", (HttpContext context) => Html(context, overview));
        pages.MapGet("/workflows/{id}", (HttpContext context) => Html(context, workflow));
        routes.MapGet(DashboardRoutes.Assets + "/{name}", (string name, HttpContext context) =>
        {
            if (!(name.EndsWith(".css", StringComparison.Ordinal) || name.EndsWith(".js", StringComparison.Ordinal))
                || DashboardFiles.Bytes(name) is not { } bytes)
            {
                return Results.NotFound();
            }
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Bytes(bytes, DashboardFiles.ContentType(name));
        }).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    private static byte[] Page(string name, bool withLogout) => System.Text.Encoding.UTF8.GetBytes(
        DashboardFiles.Text(name).Replace("<!--logout-->", withLogout ? DashboardFiles.Text("logout.html") : "", StringComparison.Ordinal));

    private static IResult Html(HttpContext context, byte[] page)
    {
        PageHeaders.Apply(context.Response, PageHeaders.OwnPages);
        return Results.Bytes(page, "text/html; charset=utf-8");
    }
}
