namespace Rayswarm.Cluster.Tests;

/// <summary>Where the built executables are (same configuration as the tests).</summary>
public static class Paths
{
    private static readonly string s_root = FindRoot();
    private static readonly string s_configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string SiloDll => Path.Combine(s_root, "Silo", "bin", s_configuration, "net10.0", "Rayswarm.Silo.dll");

    public static string TestGrainsDll => Path.Combine(AppContext.BaseDirectory, "Rayswarm.Cluster.TestGrains.dll");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rayswarm.Orleans.sln"))) { dir = dir.Parent; }
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
