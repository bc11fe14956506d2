using System.Diagnostics;

namespace Rayswarm.Gateway.Tests;

/// <summary>A temp folder with an npm client's sources (copied from the test output's <c>subfolder</c>) and its packages,
/// installed with <c>npm ci</c> at the versions its package-lock.json pins (test.sh installs nodejs and npm).</summary>
public sealed class McpNpmFolder : IDisposable
{
    private McpNpmFolder(string path) => Path = path;

    public string Path { get; }

    public static async Task<McpNpmFolder> InstallAsync(string subfolder)
    {
        var folder = new McpNpmFolder(Directory.CreateTempSubdirectory("rayswarm-npm-").FullName);
        foreach (var file in Directory.GetFiles(System.IO.Path.Combine(AppContext.BaseDirectory, subfolder)))
        {
            File.Copy(file, System.IO.Path.Combine(folder.Path, System.IO.Path.GetFileName(file)));
        }
        var install = await folder.RunAsync(TimeSpan.FromMinutes(5), "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        Assert.True(install.ExitCode == 0, "npm ci failed (test.sh installs nodejs and npm):\n" + install.Output);
        return folder;
    }

    /// <summary>Runs a command in the folder; kills it and fails after <paramref name="timeout"/>.</summary>
    public async Task<(int ExitCode, string Stdout, string Output)> RunAsync(TimeSpan timeout, string command, params string[] args)
    {
        var info = new ProcessStartInfo(command) { WorkingDirectory = Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) { info.ArgumentList.Add(a); }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} {string.Join(' ', args)} did not finish in {timeout}:\n{await stdout}\n{await stderr}");
        }
        return (process.ExitCode, await stdout, await stdout + "\n" + await stderr);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
