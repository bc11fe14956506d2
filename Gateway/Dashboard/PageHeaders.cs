namespace Rayswarm.Gateway;

/// <summary>Response headers of the dashboard's HTML pages: no framing by other sites (the verify and logout buttons cannot be
/// clickjacked), no content sniffing, no referrer to other sites, and for our own pages a policy that runs only the
/// gateway's own scripts and styles.</summary>
internal static class PageHeaders
{
    /// <summary>Our pages (domain views, login): everything from the gateway itself, nothing inline.</summary>
    public const string OwnPages = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    /// <summary>The Orleans dashboard's page (the package's bundle and our inline-styled link): only framing is restricted.</summary>
    public const string OrleansPage = "frame-ancestors 'none'";

    public static void Apply(HttpResponse response, string policy)
    {
        response.Headers.ContentSecurityPolicy = policy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "same-origin";
        response.Headers.CacheControl = "no-store";
    }
}
