namespace Rayswarm.Gateway;

/// <summary>Endpoint metadata of the dashboard's routes: a browser that asks one of them for HTML without a valid admin key
/// is shown the login page instead of a problem.</summary>
internal sealed class BrowserPage
{
    public static readonly BrowserPage Instance = new();

    private BrowserPage()
    {
    }
}
