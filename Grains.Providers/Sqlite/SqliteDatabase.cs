using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// One SQLite database as the providers use it: pooled connections for reads, one writer at a time per file in this
/// process (SQLite allows a single writer; queuing here is cheaper than spinning on SQLITE_BUSY), and the busy timeout
/// for writers in other processes. The schema is created on first use.
/// </summary>
internal sealed class SqliteDatabase
{
    // Keyed by the full file path so that two providers on one file in this process share the writer queue.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> WriteGates = new(StringComparer.Ordinal);

    // Likewise the queue of grouped writes, so that every provider's grouped writes on one file share commits.
    private static readonly ConcurrentDictionary<string, WriteGroup> WriteGroups = new(StringComparer.Ordinal);

    private readonly string _connectionString;
    private readonly string _databaseName;
    private readonly string _connectionPragmas;
    private readonly SemaphoreSlim _writeGate;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private readonly WriteGroup _group;
    private volatile bool _schemaReady;

    public SqliteDatabase(SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problem = SqliteStorageOptionsValidator.FindProblem(options);
        if (problem is not null)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SqliteStorageOptions), [problem]);
        }

        var builder = new SqliteConnectionStringBuilder(options.ConnectionString ?? string.Empty) { Pooling = true };
        if (!string.IsNullOrWhiteSpace(options.DatabasePath)) { builder.DataSource = options.DatabasePath; }
        var busyMs = (long)Math.Ceiling(options.BusyTimeout.TotalMilliseconds);
        builder.DefaultTimeout = (int)Math.Max(1, Math.Ceiling(options.BusyTimeout.TotalSeconds));
        _connectionPragmas = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {Math.Min(busyMs, int.MaxValue)}; PRAGMA temp_store = MEMORY;");

        // In-memory databases are rejected above; a "file:" URI is left to SQLite as written.
        string gateKey;
        if (!builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource);
            var folder = Path.GetDirectoryName(builder.DataSource);
            if (!string.IsNullOrEmpty(folder) && builder.Mode != SqliteOpenMode.ReadOnly) { Directory.CreateDirectory(folder); }
            gateKey = builder.DataSource;
        }
        else
        {
            gateKey = builder.ToString();
        }

        _connectionString = builder.ToString();
        _databaseName = builder.DataSource;
        _writeGate = WriteGates.GetOrAdd(gateKey, _ => new SemaphoreSlim(1, 1));
        _group = WriteGroups.GetOrAdd(gateKey, _ => new WriteGroup());
    }

    /// <summary>Runs a read on a pooled connection.</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(force: false, cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        return await read(connection, cancellationToken);
    }

    /// <summary>Runs a write while holding this file's writer slot.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(force: false, cancellationToken);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await write(connection, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Runs a write that opens no transaction of its own as part of a group commit: writes that arrive while the writer
    /// slot is busy run together in one IMMEDIATE transaction, each inside its own savepoint (so each is atomic), so a busy
    /// file pays one commit (and one fsync) per batch rather than per write. The providers on the file (grain state,
    /// reminders, the event log, the workflow index, reviews) write this way, so they share the commits; the knowledge
    /// store runs its own transactions through <see cref="WriteAsync{T}"/>. A write that throws is rolled back to its
    /// savepoint and fails alone; the task completes only once the batch's commit is durable (a failed commit fails every
    /// write of it).
    /// Cancellation counts until the write is queued.
    /// </summary>
    public async Task<T> WriteGroupedAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(force: false, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var item = new GroupedWrite(async connection => await write(connection, CancellationToken.None));
        lock (_group)
        {
            _group.Pending.Add(item);
            _group.Unfinished++;
            if (!_group.Committing)
            {
                _group.Committing = true;
                _ = Task.Run(CommitGroupsAsync);
            }
        }
        try
        {
            return (T)(await item.Done.Task)!;
        }
        finally
        {
            lock (_group) { _group.Unfinished--; }
        }
    }

    /// <summary>Grouped writes of this file queued or being committed, not yet finished (tests wait on it).</summary>
    internal int UnfinishedGroupedWrites
    {
        get { lock (_group) { return _group.Unfinished; } }
    }

    private async Task CommitGroupsAsync()
    {
        while (true)
        {
            List<GroupedWrite> batch;
            lock (_group)
            {
                if (_group.Pending.Count == 0)
                {
                    _group.Committing = false;
                    return;
                }
                (batch, _group.Pending) = (_group.Pending, []);
            }
            await _writeGate.WaitAsync();
            try
            {
                await CommitGroupAsync(batch);
            }
            finally
            {
                _writeGate.Release();
            }
        }
    }

    private async Task CommitGroupAsync(List<GroupedWrite> batch)
    {
        var startedAt = Stopwatch.GetTimestamp();
        var results = new object?[batch.Count];
        var errors = new Exception?[batch.Count];
        try
        {
            await using var connection = await OpenAsync(CancellationToken.None);
            // Raw BEGIN/SAVEPOINT: the driver does not know about this transaction, so the writes' commands run in it as they are.
            // Even a lone write gets the transaction and its savepoint, so a write of several statements is atomic.
            await connection.RunAsync("BEGIN IMMEDIATE;", CancellationToken.None);
            try
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    await connection.RunAsync("SAVEPOINT grouped;", CancellationToken.None);
                    try
                    {
                        results[i] = await batch[i].Write(connection);
                        await connection.RunAsync("RELEASE grouped;", CancellationToken.None);
                    }
                    catch (Exception e)
                    {
                        errors[i] = e;
                        await connection.RunAsync("ROLLBACK TO grouped; RELEASE grouped;", CancellationToken.None);
                    }
                }
                await connection.RunAsync("COMMIT;", CancellationToken.None);
            }
            catch
            {
                try { await connection.RunAsync("ROLLBACK;", CancellationToken.None); }
                catch (SqliteException) { /* SQLite rolled back already */ }
                throw;
            }
        }
        catch (Exception e)
        {
            SqliteMetrics.GroupCommitted(_databaseName, batch.Count, startedAt);
            foreach (var item in batch) { item.Done.TrySetException(e); }
            return;
        }
        // Counted before any writer hears back, so that what a writer saw done is in the metrics.
        SqliteMetrics.GroupCommitted(_databaseName, batch.Count, startedAt);
        for (var i = 0; i < batch.Count; i++)
        {
            if (errors[i] is { } error) { batch[i].Done.TrySetException(error); }
            else { batch[i].Done.TrySetResult(results[i]); }
        }
    }

    /// <summary>Creates the tables if missing; with <paramref name="force"/> even if this instance did so before.</summary>
    public async Task EnsureSchemaAsync(bool force, CancellationToken cancellationToken)
    {
        if (_schemaReady && !force) { return; }
        await _schemaGate.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady && !force) { return; }
            await _writeGate.WaitAsync(cancellationToken);
            try
            {
                await using var connection = await OpenAsync(cancellationToken);
                // WAL is a property of the file: readers never block the writer. It cannot change inside a transaction.
                await connection.RunAsync("PRAGMA journal_mode = WAL;", cancellationToken);

                // An IMMEDIATE transaction takes the write lock first, so concurrent starters in other processes queue up.
                await using var transaction = connection.BeginTransaction(deferred: false);
                await connection.RunAsync(SqliteSchema.Script, cancellationToken, transaction);
                await transaction.CommitAsync(cancellationToken);
            }
            finally
            {
                _writeGate.Release();
            }

            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Per connection: SQLite waits for the lock itself (finely) instead of the driver's coarse retry loop; and the
            // savepoints' sub-journals of a group commit stay in memory (past 64 KiB SQLite spilled each into a new file in /var/tmp).
            await connection.RunAsync(_connectionPragmas, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The grouped writes of one file waiting for the next commit; guarded by locking the instance.</summary>
    private sealed class WriteGroup
    {
        public List<GroupedWrite> Pending { get; set; } = [];

        public bool Committing { get; set; }

        public int Unfinished { get; set; }
    }

    private sealed class GroupedWrite(Func<SqliteConnection, Task<object?>> write)
    {
        public Func<SqliteConnection, Task<object?>> Write { get; } = write;

        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
