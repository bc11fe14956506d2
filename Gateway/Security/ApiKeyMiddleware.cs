using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>
/// Authenticates each request by its API key (<c>X-Api-Key</c> or <c>Authorization: Bearer</c>, or on the dashboard's read
/// routes its session cookie, <see cref="DashboardSession"/>), checks the scope the route needs
/// (<see cref="RequireScopeAttribute"/>, else read for GET/HEAD and write for the rest) and the key's rate limit. Answers
/// 401, 403 and 429 as problem details; a browser asking for a dashboard page gets the login page instead. With no keys
/// configured (loopback only) every request is served with every scope. Routes marked <c>AllowAnonymous</c> (health, the
/// OpenAPI document, Swagger UI, the dashboard's login) need no key.
/// Sets <c>HttpContext.User</c> with the key's principal: its name, one <see cref="Scopes.ClaimType"/> claim per scope for
/// later checks (MCP tools) and one role claim per role; and makes that principal the <see cref="Caller"/> of the grain calls
/// the request makes (<c>local</c>, with every role, without keys).
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyRing keys)
{
    private readonly ConcurrentDictionary<string, RateLimiter> _limiters = new(StringComparer.Ordinal);

    public Task InvokeAsync(HttpContext context)
    {
        if (keys.IsEmpty)
        {
            context.User = ApiKeyRing.Keyless;
            Caller.Set(Principal.Local);
            return next(context);
        }
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null || IsDocumentation(context.Request.Path))
        {
            return next(context);
        }
        var presented = PresentedKey(context.Request) ?? DashboardSession.PresentedKey(context);
        if (keys.Find(presented) is not { } entry)
        {
            var detail = presented is null ? "Send an API key in the X-Api-Key header (or Authorization: Bearer)." : "The API key is not known.";
            if (DashboardLogin.IsBrowserPage(context)) { return DashboardLogin.ChallengeAsync(context); }
            context.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
            return Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, "API key required", detail);
        }
        var required = endpoint?.Metadata.GetMetadata<RequireScopeAttribute>()?.Scope
            ?? (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) ? Scopes.Read : Scopes.Write);
        if (!entry.Key.Grants(required))
        {
            var detail = $"The API key '{entry.Key.Name}' lacks the '{required}' scope this route needs.";
            if (DashboardLogin.IsBrowserPage(context)) { return DashboardLogin.RefuseAsync(context, detail); }
            return Problems.WriteAsync(context, StatusCodes.Status403Forbidden, "Scope missing", detail);
        }
        using var lease = Limiter(entry.Key).AttemptAcquire();
        if (!lease.IsAcquired)
        {
            var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
            context.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
            return Problems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Rate limit exceeded",
                $"The API key '{entry.Key.Name}' is limited to {entry.Key.RequestsPerSecond.ToString(CultureInfo.InvariantCulture)} requests per second.");
        }
        context.User = entry.User;
        Caller.Set(PrincipalClaims.From(entry.User));
        return next(context);
    }

    private RateLimiter Limiter(ApiKey key) => _limiters.GetOrAdd(key.Name, _ =>
    {
        // Tokens are added 10 times a second so a low rate still refills smoothly.
        var perTick = Math.Max(1, (int)Math.Round(key.RequestsPerSecond / 10));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = key.Burst ?? Math.Max(1, (int)Math.Ceiling(key.RequestsPerSecond * 2)),
            TokensPerPeriod = perTick,
            ReplenishmentPeriod = TimeSpan.FromSeconds(perTick / key.RequestsPerSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    });

    private static bool IsDocumentation(PathString path) =>
        path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase);

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers["X-Api-Key"] is [{ Length: > 0 } key]) { return key; }
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }
}
