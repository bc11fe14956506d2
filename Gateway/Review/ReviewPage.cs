namespace Rayswarm.Gateway;

/// <summary>
/// The expert's review page at <c>/review</c> (docs/workflows.md, The review page): plain HTML, CSS and JS embedded in the
/// gateway like the domain views (<see cref="DashboardFiles"/>; its files are served from the same assets route). The page
/// carries no data, so it is served without a key; it signs in with any key (an expert's needs no admin scope), keeps it in
/// the tab's <c>sessionStorage</c> and sends it in <c>X-Api-Key</c> from <c>fetch</c>, never in a cookie: a forged request
/// from another site carries no key, so decisions need no CSRF token.
/// </summary>
internal static class ReviewPage
{
    /// <summary>The page's path.</summary>
    public const string Path = "/review";

    public static IEndpointRouteBuilder MapReviewPage(this IEndpointRouteBuilder routes)
    {
        var page = DashboardFiles.Bytes("review.html") ?? throw new InvalidOperationException("The review page is not embedded.");
        routes.MapGet(Path, (HttpContext context) =>
        {
            PageHeaders.Apply(context.Response, PageHeaders.OwnPages);
            return Results.Bytes(page, "text/html; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }
}
