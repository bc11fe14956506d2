namespace Rayswarm.Testing;

/// <summary>Finds the PostgreSQL server programs of Debian's packages.</summary>
public static class PostgresInstallation
{
    /// <summary>The error when no server is installed.</summary>
    public const string NotInstalledMessage =
        "PostgreSQL is not installed: run ./test.sh, which installs it, or apt-get install postgresql";

    private const string Root = "/usr/lib/postgresql";

    /// <summary>The bin folder of the newest installed major version (holding initdb and pg_ctl), or null.</summary>
    public static string? FindBinDirectory()
    {
        if (!Directory.Exists(Root)) { return null; }
        return Directory.GetDirectories(Root)
            .Select(dir => (Dir: dir, Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1))
            .OrderByDescending(x => x.Version)
            .Select(x => Path.Combine(x.Dir, "bin"))
            .FirstOrDefault(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")));
    }
}
