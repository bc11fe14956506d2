using System.Diagnostics;
using System.Text;

namespace Rayswarm.Testing;

/// <summary>Runs a program to completion, capturing its output; as the <c>postgres</c> user when asked and we are root.</summary>
internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Output);

    /// <summary>Whether server programs must be run through runuser (initdb and postgres refuse to run as root).</summary>
    public static bool MustSwitchUser => Environment.IsPrivilegedProcess;

    public static async Task<Result> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, bool asPostgres, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (asPostgres && MustSwitchUser)
        {
            start.FileName = "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", program]) { start.ArgumentList.Add(a); }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var a in arguments) { start.ArgumentList.Add(a); }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        process.StandardInput.Close();
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        output.Append(await stdout).Append(await stderr);
        return new Result(process.ExitCode, output.ToString());
    }

    public static async Task RunCheckedAsync(string program, IEnumerable<string> arguments, string workingDirectory, bool asPostgres, CancellationToken cancellationToken)
    {
        var result = await RunAsync(program, arguments, workingDirectory, asPostgres, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {result.ExitCode}: {result.Output}");
        }
    }
}
