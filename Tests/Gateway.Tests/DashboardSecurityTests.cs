using System.Net;
using System.Text.Json;

namespace Rayswarm.Gateway.Tests;

/// <summary>The dashboard's login and session cookie over real HTTP: admin only, the cookie HttpOnly and SameSite=Strict,
/// accepted for same-origin reads of the dashboard and the API only, never for a POST.</summary>
public sealed class DashboardSecurityTests : IAsyncLifetime
{
    private const string AdminKey = "admin-key-0123456789abcdef";
    private const string ReadKey = "read-key-0123456789abcdef";
    private readonly string _dir = Directory.CreateTempSubdirectory("rayswarm-dashsec-").FullName;
    private GatewayProcess _gateway = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var keys = Path.Combine(_dir, "keys.json");
        await File.WriteAllTextAsync(keys, JsonSerializer.Serialize(new object[]
        {
            new { name = "ops", key = AdminKey, scopes = new[] { "admin" } },
            new { name = "reader", key = ReadKey, scopes = new[] { "read" } },
        }));
        _gateway = await GatewayProcess.StartAsync("--urls", "http://127.0.0.1:0", "--data-dir", _dir, "--api-keys-file", keys);
        // Cookies and redirects by hand, to see exactly what the gateway answers.
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _gateway.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _gateway.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? cookie = null, string? site = null,
        string? origin = null, string accept = "text/html", HttpContent? content = null, string? key = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Accept.ParseAdd(accept);
        if (cookie is not null) { request.Headers.Add("Cookie", $"{DashboardCookie}={cookie}"); }
        if (site is not null) { request.Headers.Add("Sec-Fetch-Site", site); }
        if (origin is not null) { request.Headers.Add("Origin", origin); }
        if (key is not null) { request.Headers.Add("X-Api-Key", key); }
        return _http.SendAsync(request);
    }

    private const string DashboardCookie = "rayswarm_dashboard_key";

    private string Own => _gateway.BaseAddress.GetLeftPart(UriPartial.Authority);

    private Task<HttpResponseMessage> LoginAsync(string key, string returnUrl = "/dashboard/domains", string? origin = null) =>
        SendAsync(HttpMethod.Post, "/dashboard/login", site: "same-origin", origin: origin ?? Own,
            content: new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = key, ["return_url"] = returnUrl }));

    [Fact]
    public async Task The_review_page_is_served_without_a_key_but_its_data_needs_one()
    {
        using var page = await SendAsync(HttpMethod.Get, "/review");
        using var script = await SendAsync(HttpMethod.Get, "/dashboard/domains/assets/review.js", accept: "*/*");
        using var reviews = await SendAsync(HttpMethod.Get, "/domains/reviews?status=pending", accept: "application/json");
        using var stream = await SendAsync(HttpMethod.Get, "/domains/reviews/stream", accept: "text/event-stream");
        using var withAdminCookie = await SendAsync(HttpMethod.Post, "/domains/reviews/apr_00000000000000000000000000000000/approve",
            cookie: AdminKey, site: "same-origin", origin: Own, accept: "application/json", content: new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode); // no data in it: it signs in with a key of any scope
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
            page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("<script type=\"module\" src=\"/dashboard/domains/assets/review.js\"></script>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        var code = await script.Content.ReadAsStringAsync();
        Assert.DoesNotContain("innerHTML", code, StringComparison.Ordinal);
        Assert.DoesNotContain("document.cookie", code, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, reviews.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stream.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withAdminCookie.StatusCode); // a decision needs the key in a header
    }

    [Fact]
    public async Task A_browser_without_a_key_is_sent_to_the_login_page_and_a_script_gets_401()
    {
        using var page = await SendAsync(HttpMethod.Get, "/dashboard/domains");
        using var orleans = await SendAsync(HttpMethod.Get, "/dashboard/");
        using var data = await SendAsync(HttpMethod.Get, "/dashboard/DashboardCounters", accept: "*/*");
        using var login = await SendAsync(HttpMethod.Get, "/dashboard/login?return_url=%2Fdashboard%2Fdomains");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/dashboard/login?return_url=%2Fdashboard%2Fdomains", page.Headers.Location?.OriginalString);
        Assert.Equal("/dashboard/login?return_url=%2Fdashboard%2F", orleans.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, data.StatusCode);
        Assert.Equal("application/problem+json", data.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var form = await login.Content.ReadAsStringAsync();
        Assert.Contains("name=\"return_url\" value=\"/dashboard/domains\"", form, StringComparison.Ordinal);
        Assert.Contains("id=\"login-message\" class=\"message\" role=\"alert\" hidden>", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_refuses_unknown_and_non_admin_keys_with_the_reason()
    {
        using var unknown = await LoginAsync("not-a-key-0123456789abcdef");
        using var reader = await LoginAsync(ReadKey);
        using var readerPage = await SendAsync(HttpMethod.Get, "/dashboard/domains", key: ReadKey);
        using var readerData = await SendAsync(HttpMethod.Get, "/dashboard/DashboardCounters", key: ReadKey, accept: "application/json");

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Contains("The API key is not known.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Contains("The API key &#x27;reader&#x27; lacks the &#x27;admin&#x27; scope the dashboard needs.", await reader.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(reader.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Forbidden, readerPage.StatusCode);
        Assert.Equal("text/html", readerPage.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, readerData.StatusCode);
        Assert.Equal("application/problem+json", readerData.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_admin_login_sets_an_HttpOnly_strict_cookie_that_opens_the_dashboard_and_its_reads()
    {
        using var login = await LoginAsync(AdminKey);

        Assert.Equal(HttpStatusCode.SeeOther, login.StatusCode);
        Assert.Equal("/dashboard/domains", login.Headers.Location?.OriginalString);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Equal($"{DashboardCookie}={AdminKey}; path=/; samesite=strict; httponly", cookie);

        using var page = await SendAsync(HttpMethod.Get, "/dashboard/domains", AdminKey, "same-origin");
        using var typed = await SendAsync(HttpMethod.Get, "/dashboard/", AdminKey, "none");
        using var counters = await SendAsync(HttpMethod.Get, "/dashboard/DashboardCounters", AdminKey, "same-origin", accept: "*/*");
        using var list = await SendAsync(HttpMethod.Get, "/domains/list", AdminKey, "same-origin", Own, "application/json");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("action=\"/dashboard/logout\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
        Assert.Contains("id=\"rayswarm-domain-views\" href=\"/dashboard/domains\"", await typed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task The_cookie_never_authorizes_a_post_a_cross_site_read_or_mcp()
    {
        var body = new StringContent("""{"domain_id": "csrf_domain", "port": 8700, "capabilities": ["csrf"]}""", System.Text.Encoding.UTF8, "application/json");
        using var post = await SendAsync(HttpMethod.Post, "/domains/register", AdminKey, "same-origin", Own, "application/json", body);
        using var crossSite = await SendAsync(HttpMethod.Get, "/domains/list", AdminKey, "cross-site", accept: "application/json");
        using var sameSite = await SendAsync(HttpMethod.Get, "/domains/list", AdminKey, "same-site", accept: "application/json");
        using var foreignOrigin = await SendAsync(HttpMethod.Get, "/domains/list", AdminKey, origin: "http://evil.example", accept: "application/json");
        using var mcp = await SendAsync(HttpMethod.Get, "/mcp", AdminKey, "same-origin", accept: "text/event-stream");
        using var crossSitePage = await SendAsync(HttpMethod.Get, "/dashboard/domains", AdminKey, "cross-site");

        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, crossSite.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, sameSite.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, foreignOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, mcp.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, crossSitePage.StatusCode);
    }

    [Fact]
    public async Task Login_and_logout_refuse_other_origins_and_the_return_url_stays_on_the_dashboard()
    {
        using var forged = await LoginAsync(AdminKey, origin: "http://evil.example");
        using var offsite = await LoginAsync(AdminKey, returnUrl: "https://evil.example/steal");
        using var injected = await SendAsync(HttpMethod.Get, "/dashboard/login?return_url=%2Fdashboard%2F%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        using var forgedLogout = await SendAsync(HttpMethod.Post, "/dashboard/logout", site: "cross-site");
        using var logout = await SendAsync(HttpMethod.Post, "/dashboard/logout", AdminKey, "same-origin", Own);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/dashboard/", offsite.Headers.Location?.OriginalString);
        var page = await injected.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.Contains("value=\"/dashboard/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forgedLogout.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, logout.StatusCode);
        Assert.Equal("/dashboard/login", logout.Headers.Location?.OriginalString);
        Assert.StartsWith($"{DashboardCookie}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/; samesite=strict; httponly",
            Assert.Single(logout.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
    }
}
