using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Rayswarm.Testing;

/// <summary>
/// A private PostgreSQL server for one test run: a fresh cluster in a temporary folder, listening on 127.0.0.1 at a free
/// port with its socket in that folder, tuned for speed over durability (fsync off). Disposing stops it and deletes the folder.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable, IDisposable
{
    private const int StartAttempts = 10;

    private readonly string _binDirectory;
    private int _stopped;

    private ThrowawayPostgres(string binDirectory, string directory, int port)
    {
        _binDirectory = binDirectory;
        Directory = directory;
        Port = port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
        }.ConnectionString;
    }

    /// <summary>The folder holding the cluster, its log and its socket.</summary>
    public string Directory { get; }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>A connection string to the server's <c>postgres</c> database as the superuser (trust authentication).</summary>
    public string ConnectionString { get; }

    private string DataDirectory => Path.Combine(Directory, "data");

    /// <summary>Creates and starts a server.</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL is not installed, or the server did not start.</exception>
    public static async Task<ThrowawayPostgres> StartAsync(CancellationToken cancellationToken = default)
    {
        var bin = PostgresInstallation.FindBinDirectory() ?? throw new InvalidOperationException(PostgresInstallation.NotInstalledMessage);
        // As root the server runs as 'postgres', which must be able to reach the folder: /tmp, not a private TMPDIR.
        var tempRoot = ProcessRunner.MustSwitchUser ? "/tmp" : Path.GetTempPath();
        var directory = Path.Combine(tempRoot, "rayswarm-pg-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        try
        {
            if (ProcessRunner.MustSwitchUser)
            {
                await ProcessRunner.RunCheckedAsync("chown", ["postgres:postgres", directory], tempRoot, asPostgres: false, cancellationToken);
            }

            StartWatchdog(bin, directory);
            await ProcessRunner.RunCheckedAsync(
                Path.Combine(bin, "initdb"),
                ["-D", Path.Combine(directory, "data"), "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"],
                directory, asPostgres: true, cancellationToken);
            return await StartOnFreePortAsync(bin, directory, cancellationToken);
        }
        catch
        {
            TryDelete(directory);
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0) { return; }
        // Synchronous on purpose: this also runs from ProcessExit, where nothing can be awaited.
        ProcessRunner.RunAsync(
            Path.Combine(_binDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"],
            Directory, asPostgres: true, CancellationToken.None).GetAwaiter().GetResult();
        TryDelete(Directory);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Stops the server and deletes its folder once this process is gone, even if it was killed (while the server was
    /// being created, too) or its exit handlers were cut short. The watchdog is detached (setsid --fork) so that killing this process's tree does not end it.
    /// </summary>
    private static void StartWatchdog(string bin, string directory)
    {
        var pgCtl = Path.Combine(bin, "pg_ctl");
        var stop = ProcessRunner.MustSwitchUser ? "runuser -u postgres -- \"$2\"" : "\"$2\"";
        var script = "exec </dev/null >/dev/null 2>&1; while kill -0 \"$0\" 2>/dev/null && [ -d \"$1\" ]; do sleep 1; done; "
            + $"[ -d \"$1\" ] || exit 0; {stop} -D \"$1/data\" -m immediate -w stop; rm -rf \"$1\"";
        var start = new System.Diagnostics.ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in (string[])["--fork", "bash", "-c", script, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), directory, pgCtl])
        {
            start.ArgumentList.Add(a);
        }

        using var process = System.Diagnostics.Process.Start(start);
        process?.WaitForExit();
    }

    private static async Task<ThrowawayPostgres> StartOnFreePortAsync(string bin, string directory, CancellationToken cancellationToken)
    {
        var lastOutput = string.Empty;
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            // The port is free now; another process may take it before the server binds, hence the retries.
            var port = FindFreePort();
            var log = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"server-{attempt}.log"));
            var settings = string.Create(CultureInfo.InvariantCulture,
                $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500");
            var result = await ProcessRunner.RunAsync(
                Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(directory, "data"), "-l", log, "-w", "-t", "60", "-o", settings, "start"],
                directory, asPostgres: true, cancellationToken);
            if (result.ExitCode == 0) { return new ThrowawayPostgres(bin, directory, port); }

            lastOutput = result.Output + (File.Exists(log) ? await File.ReadAllTextAsync(log, cancellationToken) : string.Empty);
            if (!lastOutput.Contains("could not bind", StringComparison.OrdinalIgnoreCase)
                && !lastOutput.Contains("already in use", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }
        }

        throw new InvalidOperationException($"The throwaway PostgreSQL server did not start: {lastOutput}");
    }

    private static int FindFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover folder in the temp directory harms nothing.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
