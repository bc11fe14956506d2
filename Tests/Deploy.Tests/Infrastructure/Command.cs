using System.Diagnostics;

namespace Rayswarm.Deploy.Tests;

/// <summary>Runs a program to completion with a deadline and returns its exit code and output.</summary>
public static class Command
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public string Output => StandardOutput + StandardError;
    }

    public static async Task<Result> RunAsync(string program, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null, int timeoutMs = 120_000)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory ?? Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) { start.ArgumentList.Add(a); }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) { start.Environment[key] = value; }
        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            // kubectl (with kustomize) and openssl are on our machines; say so plainly where one is not.
            throw new InvalidOperationException($"Cannot run {program} ({e.Message}): the deploy tests need kubectl 1.32+, openssl and bash on PATH.", e);
        }
        using var process = started ?? throw new InvalidOperationException($"Could not start {program}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMilliseconds(timeoutMs));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {timeoutMs} ms");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static async Task<Result> RunCheckedAsync(string program, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null, int timeoutMs = 120_000)
    {
        var result = await RunAsync(program, arguments, workingDirectory, environment, timeoutMs);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {result.ExitCode}:\n{result.Output}");
        }
        return result;
    }
}
