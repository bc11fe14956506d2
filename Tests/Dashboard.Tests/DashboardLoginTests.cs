using System.Text.Json;
using Microsoft.Playwright;

namespace Rayswarm.Dashboard.Tests;

/// <summary>A gateway with API keys: the dashboard asks a browser for an admin key, keeps it in an HttpOnly cookie, and
/// refuses a key without the admin scope.</summary>
[Collection(BrowserTests.Name)]
public sealed class DashboardLoginTests(Chromium chromium) : PageTests(chromium), IAsyncLifetime
{
    private const string AdminKey = "admin-key-0123456789abcdef";
    private const string ReadKey = "read-key-0123456789abcdef";
    private readonly string _dir = Directory.CreateTempSubdirectory("rayswarm-dashlogin-").FullName;
    private GatewayProcess _gateway = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        var keys = Path.Combine(_dir, "keys.json");
        await File.WriteAllTextAsync(keys, JsonSerializer.Serialize(new object[]
        {
            new { name = "ops", key = AdminKey, scopes = new[] { "admin" } },
            new { name = "reader", key = ReadKey, scopes = new[] { "read", "write" } },
        }));
        _gateway = await GatewayProcess.StartAsync("--urls", "http://127.0.0.1:0", "--data-dir", _dir, "--api-keys-file", keys);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _gateway.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private string Url(string path) => new Uri(_gateway.BaseAddress, path).ToString();

    private async Task LogInAsync(string key)
    {
        await Page.FillAsync("#key", key);
        await Page.ClickAsync("#login");
    }

    [Fact]
    public async Task The_dashboard_refuses_a_browser_without_a_key_or_without_admin_and_accepts_an_admin_login()
    {
        await Page.GotoAsync(Url("/dashboard/domains"));
        await Expect(Page).ToHaveURLAsync(Url("/dashboard/login?return_url=%2Fdashboard%2Fdomains"));
        await Expect(Page.Locator("#login-message")).ToBeHiddenAsync();

        await LogInAsync(ReadKey);
        await Expect(Page.Locator("#login-message")).ToHaveTextAsync("The API key 'reader' lacks the 'admin' scope the dashboard needs.");
        await Screenshots.SaveAsync(Page, "dashboard-login.png");
        Assert.Empty(await Page.Context.CookiesAsync());

        await LogInAsync(AdminKey);
        await Expect(Page).ToHaveURLAsync(Url("/dashboard/domains"));
        await Expect(Page.Locator("#domain-table")).ToContainTextAsync("memory"); // the page's reads pass with the cookie
        var cookie = Assert.Single(await Page.Context.CookiesAsync());
        Assert.Equal(("rayswarm_dashboard_key", true, SameSiteAttribute.Strict, false, "/"), (cookie.Name, cookie.HttpOnly, cookie.SameSite, cookie.Secure, cookie.Path));
        Assert.Equal("undefined", await Page.EvaluateAsync<string>("() => String(document.cookie.split('; ').find(c => c.startsWith('rayswarm')))"));

        await Page.ClickAsync("#orleans-dashboard-link");
        await Expect(Page.Locator("#menu")).ToContainTextAsync("Grains");
        await Expect(Page.Locator("#content")).ToContainTextAsync("Active Silos");

        await Page.ClickAsync("#logout");
        await Expect(Page).ToHaveURLAsync(Url("/dashboard/login"));
        Assert.Empty(await Page.Context.CookiesAsync());
        await Page.GotoAsync(Url("/dashboard/"));
        await Expect(Page).ToHaveURLAsync(Url("/dashboard/login?return_url=%2Fdashboard%2F"));
    }
}
