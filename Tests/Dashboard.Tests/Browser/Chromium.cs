using Microsoft.Playwright;

namespace Rayswarm.Dashboard.Tests;

/// <summary>
/// One headless Chromium for the browser tests, driven by Playwright: Debian's <c>chromium</c> (test.sh installs it), never a
/// browser Playwright downloads. <c>RAYSWARM_CHROMIUM</c> names another executable. Each test gets a context of its own
/// (fresh cookies) from <see cref="NewPageAsync"/>.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>How long a page or an expectation may wait for what it expects: generous, for a loaded two-core machine.</summary>
    public const float TimeoutMs = 30_000;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        var executable = Executable();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
            Timeout = 60_000,
        });
        Assertions.SetDefaultExpectTimeout(TimeoutMs);
    }

    /// <summary>A page in a new browser context (its own cookies), closed with the context by <see cref="IAsyncDisposable"/>.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(TimeoutMs);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) { await _browser.CloseAsync(); }
        _playwright?.Dispose();
    }

    private static string Executable()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("RAYSWARM_CHROMIUM"), "/usr/lib/chromium/chromium", "/usr/bin/chromium" };
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c))
            ?? throw new InvalidOperationException(
                "No chromium for the browser tests: run ./test.sh (it installs Debian's chromium as root), or "
                + "apt-get install -y --no-install-recommends chromium, or set RAYSWARM_CHROMIUM to a Chromium executable.");
    }
}
