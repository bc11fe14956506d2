namespace Rayswarm.Deploy.Tests;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repository
{
    /// <summary>The folder holding Rayswarm.Orleans.sln.</summary>
    public static readonly string Root = FindRoot();

    /// <summary>The configuration the tests (and so Silo and Gateway) were built in.</summary>
    public static readonly string Configuration =
        AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    /// <summary>A fresh temporary folder, deleted when the test process exits.</summary>
    public static string TemporaryDirectory(string name)
    {
        var directory = Directory.CreateTempSubdirectory($"rayswarm-deploy-{name}-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(directory, recursive: true); }
            catch (IOException) { /* best effort */ }
            catch (UnauthorizedAccessException) { /* best effort */ }
        };
        return directory;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rayswarm.Orleans.sln"))) { dir = dir.Parent; }
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
