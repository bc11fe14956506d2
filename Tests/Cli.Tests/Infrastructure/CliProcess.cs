using System.Diagnostics;

namespace Rayswarm.Cli.Tests;

/// <summary>Runs the built tool as a child process: <c>dotnet Cli/bin/{configuration}/net10.0/rayswarm.dll …</c>.</summary>
public static class CliProcess
{
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(ToolDll());
        foreach (var a in args) { info.ArgumentList.Add(a); }
        info.Environment.Remove("RAYSWARM_URL");
        info.Environment.Remove("RAYSWARM_API_KEY");
        foreach (var (name, value) in environment) { info.Environment[name] = value; }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().Within(120_000);
        }
        finally
        {
            if (!process.HasExited) { process.Kill(entireProcessTree: true); }
        }
        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>The tool's dll in the repository's build output, next to the gateway's.</summary>
    public static string ToolDll()
    {
        var gateway = GatewayProcess.GatewayDll();
        var configuration = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(gateway)))!;
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(gateway)!, "..", "..", "..", ".."));
        return Path.Combine(root, "Cli", "bin", configuration, "net10.0", "rayswarm.dll");
    }
}
