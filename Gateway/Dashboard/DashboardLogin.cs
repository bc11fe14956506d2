using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc;

namespace Rayswarm.Gateway;

/// <summary>
/// The dashboard's login (with API keys configured): a page that takes a key with the admin scope and keeps it in the
/// session cookie (<see cref="DashboardSession"/>), and a logout that forgets it. A browser that opens a dashboard page without
/// such a key is sent to the login page; one whose key lacks the admin scope sees it again with the reason (403).
/// </summary>
internal static class DashboardLogin
{
    public static IEndpointRouteBuilder MapDashboardLogin(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(DashboardRoutes.Login, LoginPageAsync).AllowAnonymous().ExcludeFromDescription();
        routes.MapPost(DashboardRoutes.Login, LoginAsync).AllowAnonymous().ExcludeFromDescription();
        routes.MapPost(DashboardRoutes.Logout, (HttpContext context) =>
        {
            if (!DashboardSession.IsSameOriginPost(context.Request)) { return CrossOriginAsync(context); }
            DashboardSession.Clear(context);
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = DashboardRoutes.Login;
            return Task.CompletedTask;
        }).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    /// <summary>Whether the request is a browser asking a dashboard route for a page (not a script asking for JSON).</summary>
    public static bool IsBrowserPage(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<BrowserPage>() is not null
        && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>No valid key: to the login page, coming back here afterwards.</summary>
    public static Task ChallengeAsync(HttpContext context)
    {
        var back = context.Request.Path + context.Request.QueryString;
        context.Response.Redirect($"{DashboardRoutes.Login}?return_url={Uri.EscapeDataString(back)}");
        return Task.CompletedTask;
    }

    /// <summary>A key without the scope: the login page with the reason, as a 403.</summary>
    public static Task RefuseAsync(HttpContext context, string detail) =>
        RenderAsync(context, StatusCodes.Status403Forbidden, detail, context.Request.Path + context.Request.QueryString);

    private static Task LoginPageAsync(HttpContext context, ApiKeyRing keys, [FromQuery(Name = "return_url")] string? returnUrl)
    {
        if (!keys.IsEmpty) { return RenderAsync(context, StatusCodes.Status200OK, null, returnUrl); }
        context.Response.Redirect(SafeReturn(returnUrl)); // nothing to log in to
        return Task.CompletedTask;
    }

    private static async Task LoginAsync(HttpContext context, ApiKeyRing keys)
    {
        if (!DashboardSession.IsSameOriginPost(context.Request))
        {
            await CrossOriginAsync(context);
            return;
        }
        if (!context.Request.HasFormContentType)
        {
            await Problems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the login as a form (application/x-www-form-urlencoded) with the field key.");
            return;
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = form["return_url"].ToString();
        if (keys.IsEmpty)
        {
            context.Response.Redirect(SafeReturn(returnUrl));
            return;
        }
        if (keys.Find(form["key"].ToString()) is not { } entry)
        {
            await RenderAsync(context, StatusCodes.Status401Unauthorized, "The API key is not known.", returnUrl);
            return;
        }
        if (!entry.Key.Grants(Scopes.Admin))
        {
            await RenderAsync(context, StatusCodes.Status403Forbidden,
                $"The API key '{entry.Key.Name}' lacks the 'admin' scope the dashboard needs.", returnUrl);
            return;
        }
        DashboardSession.Issue(context, form["key"].ToString());
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = SafeReturn(returnUrl);
    }

    private static Task CrossOriginAsync(HttpContext context) =>
        Problems.WriteAsync(context, StatusCodes.Status403Forbidden, "Cross-origin form refused",
            "The dashboard's login and logout are accepted from the gateway's own pages only.");

    private static async Task RenderAsync(HttpContext context, int status, string? message, string? returnUrl)
    {
        var page = DashboardFiles.Text("login.html")
            .Replace("{{message}}", HtmlEncoder.Default.Encode(message ?? ""), StringComparison.Ordinal)
            .Replace("{{message_hidden}}", message is null ? "hidden" : "", StringComparison.Ordinal)
            .Replace("{{return_url}}", HtmlEncoder.Default.Encode(SafeReturn(returnUrl)), StringComparison.Ordinal);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        PageHeaders.Apply(context.Response, PageHeaders.OwnPages);
        await context.Response.WriteAsync(page, context.RequestAborted);
    }

    /// <summary>Only a path of the dashboard itself, so the login cannot be used to send a browser elsewhere.</summary>
    private static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith(DashboardRoutes.Prefix, StringComparison.Ordinal)
            && !url.Contains("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            && !url.StartsWith(DashboardRoutes.Login, StringComparison.Ordinal)
            ? url
            : DashboardRoutes.Prefix + "/";
}
