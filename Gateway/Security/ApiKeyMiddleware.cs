using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;

namespace Rayswarm.Gateway;

/// <summary>
/// Authenticates each request by its API key (<c>X-Api-Key</c> or <c>Authorization: Bearer</c>), checks the scope the
/// route needs (<see cref="RequireScopeAttribute"/>, else read for GET/HEAD and write for the rest) and the key's rate
/// limit. Answers 401, 403 and 429 as problem details. With no keys configured (loopback only) every request is served
/// with every scope. Routes marked <c>AllowAnonymous</c> (health, the OpenAPI document, Swagger UI) need no key.
/// Sets <c>HttpContext.User</c> with one <see cref="Scopes.ClaimType"/> claim per scope for later checks (MCP tools).
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, GatewayOptions options)
{
    private static readonly ClaimsPrincipal s_keyless = Principal("keyless", [Scopes.Admin, Scopes.Write, Scopes.Read]);

    private readonly Dictionary<string, (ApiKey Key, ClaimsPrincipal User)> _keys = options.ApiKeys.ToDictionary(
        k => Hash(k.Key), k => (k, Principal(k.Name, k.Scopes)), StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, RateLimiter> _limiters = new(StringComparer.Ordinal);

    public Task InvokeAsync(HttpContext context)
    {
        if (_keys.Count == 0)
        {
            context.User = s_keyless;
            return next(context);
        }
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null || IsDocumentation(context.Request.Path))
        {
            return next(context);
        }
        var presented = PresentedKey(context.Request);
        if (presented is null || !_keys.TryGetValue(Hash(presented), out var entry))
        {
            context.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
            return Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, "API key required",
                presented is null ? "Send an API key in the X-Api-Key header (or Authorization: Bearer)." : "The API key is not known.");
        }
        var required = endpoint?.Metadata.GetMetadata<RequireScopeAttribute>()?.Scope
            ?? (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) ? Scopes.Read : Scopes.Write);
        if (!entry.Key.Grants(required))
        {
            return Problems.WriteAsync(context, StatusCodes.Status403Forbidden, "Scope missing",
                $"The API key '{entry.Key.Name}' lacks the '{required}' scope this route needs.");
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

    // Keys are looked up by their SHA-256 so the comparison does not leak the key's prefix through timing.
    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static ClaimsPrincipal Principal(string name, IEnumerable<string> scopes) =>
        new(new ClaimsIdentity(
            scopes.Select(s => new Claim(Scopes.ClaimType, s)).Prepend(new Claim(ClaimTypes.Name, name)),
            authenticationType: "ApiKey"));
}
