using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Rayswarm.Cli.Tests;

/// <summary>A program started from bash in a detached tmux session on a tmux server of its own (its own socket), read with
/// <c>capture-pane</c> and driven with <c>send-keys</c>. Bash prints the program's exit code when it ends, and the pane stays.</summary>
public sealed partial class TmuxSession : IAsyncDisposable
{
    private readonly string _socket = "rayswarm-cli-" + Guid.NewGuid().ToString("N")[..8];
    private const string Name = "cli";
    private string? _socketPath;

    private TmuxSession() { }

    public static async Task<TmuxSession> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] command)
    {
        var session = new TmuxSession();
        List<string> args = ["-f", "/dev/null", "new-session", "-d", "-s", Name, "-x", "160", "-y", "60"];
        foreach (var (name, value) in environment) { args.AddRange(["-e", $"{name}={value}"]); }
        args.Add("bash -c " + Quote(string.Join(' ', command.Select(Quote)) + "; echo \"[exited $?]\""));
        args.AddRange([";", "set-option", "-t", Name, "remain-on-exit", "on"]);
        await session.TmuxAsync([.. args]);
        session._socketPath = (await session.TmuxAsync("display-message", "-p", "-t", Name, "#{socket_path}")).Trim();
        return session;
    }

    /// <summary>The visible screen, as plain text.</summary>
    public Task<string> CaptureAsync() => TmuxAsync("capture-pane", "-p", "-t", Name);

    public Task SendKeysAsync(params string[] keys) => TmuxAsync(["send-keys", "-t", Name, .. keys]);

    /// <summary>The program's exit code once it has exited, or null while it runs.</summary>
    public async Task<int?> ExitCodeAsync() =>
        ExitLine().Match(await CaptureAsync()) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"\[exited (\d+)\]")]
    private static partial Regex ExitLine();

    private async Task<string> TmuxAsync(params string[] args)
    {
        var info = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-L");
        info.ArgumentList.Add(_socket);
        foreach (var a in args) { info.ArgumentList.Add(a); }
        using var tmux = Process.Start(info)!;
        var output = tmux.StandardOutput.ReadToEndAsync();
        var error = tmux.StandardError.ReadToEndAsync();
        await tmux.WaitForExitAsync().Within(30_000);
        if (tmux.ExitCode != 0) { throw new InvalidOperationException($"tmux {string.Join(' ', args)}: exit {tmux.ExitCode}: {await error}"); }
        return await output;
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public async ValueTask DisposeAsync()
    {
        try
        {
            await TmuxAsync("kill-server");
        }
        catch (InvalidOperationException)
        {
            // the server is already gone
        }
        // kill-server leaves the socket file behind.
        if (_socketPath is { Length: > 0 } path) { File.Delete(path); }
    }
}
