namespace Rayswarm.Gateway;

/// <summary>
/// The dashboard's browser session: after the login the browser keeps the API key in an HttpOnly, SameSite=Strict cookie
/// (Secure over HTTPS), so no script can read it. The cookie stands for the key only where a forged request could do no harm:
/// GET and HEAD requests (every one of them only reads) to the dashboard (<c>/dashboard/...</c>) and to the read routes of the
/// API (<c>/domains/...</c>) that its pages poll, and only when the browser says the request comes from the gateway's own
/// pages or from the user (<c>Sec-Fetch-Site</c> same-origin or none; an <c>Origin</c>, if sent, must be the gateway's).
/// It never authorizes a POST or any other method, nor <c>/mcp</c>: those need the key in a header.
/// </summary>
internal static class DashboardSession
{
    /// <summary>The cookie's name.</summary>
    public const string CookieName = "rayswarm_dashboard_key";

    /// <summary>The key in the session cookie, when the cookie may stand for it on this request; else null.</summary>
    public static string? PresentedKey(HttpContext context)
    {
        var request = context.Request;
        if (!request.Cookies.TryGetValue(CookieName, out var key) || string.IsNullOrEmpty(key)) { return null; }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) { return null; }
        var path = request.Path;
        if (!path.StartsWithSegments(DashboardRoutes.Prefix, StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/domains", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return FetchSite(request) is null or "same-origin" or "none" && OriginIsOwnOrAbsent(request) ? key : null;
    }

    /// <summary>Whether a form post (login, logout) comes from the gateway's own pages, or from a client that is no browser
    /// (it sends neither <c>Sec-Fetch-Site</c> nor <c>Origin</c>).</summary>
    public static bool IsSameOriginPost(HttpRequest request) =>
        FetchSite(request) is null or "same-origin" && OriginIsOwnOrAbsent(request);

    /// <summary>Keeps <paramref name="key"/> in the browser for this session (until the browser closes or the user logs out).</summary>
    public static void Issue(HttpContext context, string key) =>
        context.Response.Cookies.Append(CookieName, key, Options(context));

    /// <summary>Forgets the key.</summary>
    public static void Clear(HttpContext context) => context.Response.Cookies.Delete(CookieName, Options(context));

    private static CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };

    private static string? FetchSite(HttpRequest request) =>
        request.Headers["Sec-Fetch-Site"] is [{ Length: > 0 } site] ? site.ToLowerInvariant() : null;

    private static bool OriginIsOwnOrAbsent(HttpRequest request) =>
        request.Headers.Origin is not [{ Length: > 0 } origin]
        || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
}
