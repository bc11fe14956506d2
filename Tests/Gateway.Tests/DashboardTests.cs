using System.Net;
using System.Text.Json;
using Rayswarm.Testing;

namespace Rayswarm.Gateway.Tests;

/// <summary>The dashboard of a gateway without API keys (loopback): open like the rest of it, over real HTTP.</summary>
public sealed class DashboardTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task The_orleans_dashboard_is_served_at_dashboard_with_a_link_to_the_domain_views()
    {
        using var noSlash = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Gateway.BaseAddress };
        using var redirect = await noSlash.GetAsync("/dashboard");
        using var response = await Http.GetAsync("/dashboard/");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("/dashboard/", redirect.Headers.Location?.OriginalString);
        Assert.Contains("<title>Orleans Dashboard</title>", page, StringComparison.Ordinal);
        Assert.Contains("<div id=\"brand-header\"></div><div class=\"rayswarm-link\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"rayswarm-domain-views\" href=\"/dashboard/domains\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/dashboard/logout", page, StringComparison.Ordinal); // no keys, nothing to log out of
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/dashboard/index.min.js")).StatusCode);
    }

    [Fact]
    public async Task The_orleans_dashboard_data_lists_the_silo_and_the_domain_systems_grain_types()
    {
        JsonElement counters = default;
        await Eventually.True(async () =>
        {
            counters = await Http.GetOkAsync("/dashboard/DashboardCounters");
            return counters.GetProperty("totalActiveHostCount").GetInt32() == 1;
        }, "the dashboard counts one active silo", 30_000);

        var types = counters.GetProperty("simpleGrainStats").EnumerateArray().Select(s => s.GetProperty("grainType").GetString()).ToHashSet();
        Assert.Contains("Rayswarm.Grains.RegistryGrain", types);
        Assert.Contains("Rayswarm.Grains.MemoryDomainGrain", types);
        var all = await Http.GetOkAsync("/dashboard/GrainTypes");
        Assert.Contains(all.EnumerateArray(), t => t.GetString() == "Rayswarm.Grains.WorkflowGrain");
        var silo = Assert.Single(counters.GetProperty("hosts").EnumerateArray()).GetProperty("siloAddress").GetString();
        var siloCounters = await Http.GetOkAsync($"/dashboard/SiloCounters/{Uri.EscapeDataString(silo!)}");
        Assert.Empty(siloCounters.EnumerateArray()); // off by default: they would turn on Orleans' per-message instruments
        using var trace = await Http.GetAsync("/dashboard/Trace");
        Assert.Equal(HttpStatusCode.Forbidden, trace.StatusCode); // the log stream is off
    }

    [Fact]
    public async Task The_domain_views_are_plain_files_from_the_gateway_and_the_login_is_not_needed()
    {
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Gateway.BaseAddress };
        using var overview = await Http.GetAsync("/dashboard/domains");
        using var workflow = await Http.GetAsync("/dashboard/domains/workflows/wf_0123");
        using var script = await Http.GetAsync("/dashboard/domains/assets/common.js");
        using var style = await Http.GetAsync("/dashboard/domains/assets/app.css");
        using var missing = await Http.GetAsync("/dashboard/domains/assets/nothing.js");
        using var notAnAsset = await Http.GetAsync("/dashboard/domains/assets/login.html");
        using var login = await noRedirect.GetAsync("/dashboard/login");

        Assert.Equal("text/html", overview.Content.Headers.ContentType?.MediaType);
        Assert.Equal("default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
            overview.Headers.GetValues("Content-Security-Policy").Single());
        var html = await overview.Content.ReadAsStringAsync();
        Assert.Contains("<script type=\"module\" src=\"/dashboard/domains/assets/domains.js\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/dashboard/\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("logout", html, StringComparison.Ordinal);
        Assert.Contains("workflow.js", await workflow.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("innerHTML", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notAnAsset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/dashboard/", login.Headers.Location?.OriginalString);
    }
}
