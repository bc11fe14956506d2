using Microsoft.Playwright;

namespace Rayswarm.Dashboard.Tests;

/// <summary>Saves a page as a PNG in <c>docs/images/</c> when <c>RAYSWARM_SCREENSHOTS=1</c> (to regenerate the docs' pictures;
/// an ordinary run writes nothing, so tracked files stay as they are).</summary>
public static class Screenshots
{
    public static bool Enabled => Environment.GetEnvironmentVariable("RAYSWARM_SCREENSHOTS") == "1";

    public static async Task SaveAsync(IPage page, string name, bool fullPage = false)
    {
        if (!Enabled) { return; }
        var folder = Path.Combine(RepositoryRoot(), "docs", "images");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = fullPage });
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rayswarm.Orleans.sln"))) { dir = dir.Parent; }
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
