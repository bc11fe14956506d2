using Microsoft.Playwright;

namespace Rayswarm.Dashboard.Tests;

/// <summary>A test with a fresh browser page (its own context and cookies), closed after the test.</summary>
public abstract class PageTests(Chromium chromium) : IAsyncLifetime
{
    protected IPage Page { get; private set; } = null!;

    public async Task InitializeAsync() => Page = await chromium.NewPageAsync();

    public Task DisposeAsync() => Page.Context.CloseAsync();

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    protected static IPageAssertions Expect(IPage page) => Assertions.Expect(page);
}
