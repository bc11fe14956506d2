using Orleans.Dashboard;

namespace Rayswarm.Gateway;

/// <summary>
/// The Orleans dashboard's own page with a link to our domain views (and a logout) in its sidebar. The package has no option
/// for an extra menu entry (its menu is a fixed list in its bundled script), so the gateway serves the package's
/// <c>index.html</c> itself, read from the package's assembly, with the link put in after the sidebar's brand header; its
/// scripts and data endpoints stay the package's. Should a later version of the package move or rename that file, the
/// package's page is served as it is, without the link.
/// </summary>
internal static class OrleansDashboardPage
{
    private const string ResourceName = "Orleans.Dashboard.wwwroot.index.html";
    private const string Anchor = "<div id=\"brand-header\"></div>";

    /// <summary>Maps <c>/dashboard/</c> and <c>/dashboard/index.html</c> ahead of the package's routes for the same paths.</summary>
    public static bool MapOrleansDashboardPage(this IEndpointRouteBuilder routes, bool withLogout)
    {
        if (Load(withLogout) is not { } page) { return false; }
        var bytes = System.Text.Encoding.UTF8.GetBytes(page);
        IResult Serve(HttpContext context)
        {
            // Its scripts are relative (./index.min.js): the page must be served at /dashboard/, as the package does.
            if (context.Request.Path.Value?.EndsWith('/') == false && !context.Request.Path.Value.EndsWith(".html", StringComparison.Ordinal))
            {
                return Results.Redirect($"{context.Request.PathBase}{context.Request.Path}/{context.Request.QueryString}", permanent: true);
            }
            PageHeaders.Apply(context.Response, PageHeaders.OrleansPage);
            return Results.Bytes(bytes, "text/html; charset=utf-8");
        }
        foreach (var path in new[] { DashboardRoutes.Prefix + "/", DashboardRoutes.Prefix + "/index.html" })
        {
            routes.MapGet(path, Serve).WithOrder(-1).WithMetadata(new RequireScopeAttribute(Scopes.Admin), BrowserPage.Instance).ExcludeFromDescription();
        }
        return true;
    }

    /// <summary>The package's page with our link, or null when the package's page is not where this version keeps it.</summary>
    internal static string? Load(bool withLogout)
    {
        using var stream = typeof(DashboardOptions).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null) { return null; }
        using var reader = new StreamReader(stream);
        var html = reader.ReadToEnd();
        var link = DashboardFiles.Text("orleans-link.html").Replace("<!--logout-->", withLogout ? DashboardFiles.Text("logout.html") : "", StringComparison.Ordinal);
        var at = html.IndexOf(Anchor, StringComparison.Ordinal);
        if (at >= 0) { return html.Insert(at + Anchor.Length, link); }
        at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return at >= 0 ? html.Insert(at, link) : null;
    }
}
