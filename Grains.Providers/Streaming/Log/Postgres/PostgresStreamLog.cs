using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using static Rayswarm.Grains.Providers.PostgresCommands;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// The durable stream log in PostgreSQL (tables <c>stream_events</c>, <c>stream_heads</c>, <c>stream_cursors</c>,
/// <c>stream_checkpoints</c>, <c>stream_subscriptions</c>, <c>stream_dead_letters</c>; payloads as jsonb, so
/// <see cref="StreamEvent.Data"/> reads back as PostgreSQL's normalized JSON text). An append is one transaction for the
/// whole batch in a few round trips. Every append first takes one cluster-wide advisory lock, so appends from all
/// processes commit one at a time: positions come from a sequence before commit, and without the lock a reader of
/// "position &gt; X" could pass a smaller position that commits later and never see it. One process batching its
/// publishes keeps the throughput.
/// </summary>
public sealed partial class PostgresStreamLog : IStreamLog, IAsyncDisposable
{

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _initializeGate = new(1, 1);
    private volatile bool _initialized;

    /// <summary>Creates the log over the database of <paramref name="options"/>; the schema is created by <see cref="InitializeAsync"/> or on first use.</summary>
    /// <param name="options">Which database.</param>
    /// <param name="timeProvider">The clock of publish times (stored at millisecond precision); default <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="OptionsValidationException">The options name no database.</exception>
    public PostgresStreamLog(PostgresStorageOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problem = PostgresStorageOptionsValidator.FindProblem(options);
        if (problem is not null)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(PostgresStorageOptions), [problem]);
        }

        _dataSource = PostgresDataSources.Create(options.ConnectionString!);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initializeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await LockAsync(connection, transaction, PostgresStreamSchema.SchemaLockKey, cancellationToken);
            await using (var create = new NpgsqlCommand(PostgresStreamSchema.Script, connection, transaction))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            _initialized = true;
        }
        finally
        {
            _initializeGate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredStreamEvent>> AppendAsync(IReadOnlyList<NewStreamEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) { return []; }
        foreach (var e in events) { ArgumentNullException.ThrowIfNull(e); }
        var publishedAt = TruncateToMilliseconds(_time.GetUtcNow());

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, PostgresStreamSchema.AppendLockKey, cancellationToken);

        // Retries: ids already stored are returned as stored.
        var byId = new Dictionary<string, StoredStreamEvent>(StringComparer.Ordinal);
        await using (var find = new NpgsqlCommand(
            $"SELECT {PostgresStreamSchema.EventColumns} FROM stream_events WHERE event_id = ANY(@ids)", connection, transaction))
        {
            find.Parameters.Add(TextArray("ids", events.Select(e => e.EventId).Distinct(StringComparer.Ordinal).ToArray()));
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var stored = ReadEvent(reader);
                byId[stored.Event.EventId] = stored;
            }
        }

        // New events in input order; an id repeated within the batch is appended once.
        var fresh = new List<NewStreamEvent>();
        var seen = new HashSet<string>(byId.Keys, StringComparer.Ordinal);
        foreach (var e in events) { if (seen.Add(e.EventId)) { fresh.Add(e); } }

        if (fresh.Count > 0)
        {
            var sequences = await AllocateSequencesAsync(connection, transaction, fresh, cancellationToken);
            await InsertAsync(connection, transaction, fresh, sequences, publishedAt, byId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return events.Select(e => byId[e.EventId]).ToArray();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredStreamEvent>> ReadPartitionsAsync(IReadOnlyCollection<int> partitions, long afterPosition, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        if (partitions.Count == 0 || limit <= 0) { return []; }
        return await ReadEventsAsync(
            $"SELECT {PostgresStreamSchema.EventColumns} FROM stream_events WHERE partition = ANY(@partitions) AND position > @after ORDER BY position LIMIT @limit",
            [new NpgsqlParameter("partitions", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = partitions.Distinct().ToArray() }, BigInt("after", afterPosition), BigInt("limit", limit)],
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>A literal pattern (or <c>*</c>) is filtered by the database; a wildcard pattern in memory, page by page, until
    /// <paramref name="limit"/> events matched or the log is exhausted.</remarks>
    public async Task<IReadOnlyList<StoredStreamEvent>> ReadHistoryAsync(
        string streamNamespace, StreamPattern? pattern, long afterPosition, DateTimeOffset? since, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(streamNamespace);
        if (limit <= 0) { return []; }
        const string Filter = "namespace = @ns AND position > @after AND (@since::timestamptz IS NULL OR published_at >= @since)";
        if (pattern is null || pattern.Text == "*" || pattern.IsLiteral)
        {
            var keyFilter = pattern is { IsLiteral: true } ? " AND key = @key" : string.Empty;
            return await ReadEventsAsync(
                $"SELECT {PostgresStreamSchema.EventColumns} FROM stream_events WHERE {Filter}{keyFilter} ORDER BY position LIMIT @limit",
                [Text("ns", streamNamespace), BigInt("after", afterPosition), Time("since", since), Text("key", pattern?.Text ?? string.Empty), BigInt("limit", limit)],
                cancellationToken);
        }

        return await StreamHistoryScan.MatchAsync(pattern, afterPosition, limit, after => ReadEventsAsync(
            $"SELECT {PostgresStreamSchema.EventColumns} FROM stream_events WHERE {Filter} ORDER BY position LIMIT @limit",
            [Text("ns", streamNamespace), BigInt("after", after), Time("since", since), BigInt("limit", StreamHistoryScan.PageSize)],
            cancellationToken));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredStreamEvent>> ReadStreamAsync(StreamId stream, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0) { return []; }
        return await ReadEventsAsync(
            $"SELECT {PostgresStreamSchema.EventColumns} FROM stream_events WHERE namespace = @ns AND key = @key AND sequence > @after ORDER BY sequence LIMIT @limit",
            [Text("ns", stream.StreamNamespace()), Text("key", stream.StreamKey()), BigInt("after", afterSequence), BigInt("limit", limit)],
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The last sequence handed out: trimming does not lower it.</remarks>
    public Task<long> LastPositionAsync(int partition, CancellationToken cancellationToken) =>
        ScalarAsync(
            "SELECT COALESCE(MAX(position), 0) FROM stream_events WHERE partition = @partition",
            [new NpgsqlParameter("partition", NpgsqlDbType.Integer) { Value = partition }],
            cancellationToken);

    /// <inheritdoc />
    public Task<long> HeadPositionAsync(CancellationToken cancellationToken) =>
        ScalarAsync("SELECT COALESCE(MAX(position), 0) FROM stream_events", [], cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<(int Partition, long LastPosition)>> ReadPartitionHeadsAsync(long afterPosition, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT partition, MAX(position) FROM stream_events WHERE position > @after GROUP BY partition", BigInt("after", afterPosition));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var heads = new List<(int, long)>();
        while (await reader.ReadAsync(cancellationToken)) { heads.Add((reader.GetInt32(0), reader.GetInt64(1))); }
        return heads;
    }

    /// <inheritdoc />
    public Task<long> LastSequenceAsync(StreamId stream, CancellationToken cancellationToken) =>
        ScalarAsync(
            "SELECT COALESCE((SELECT last_sequence FROM stream_heads WHERE namespace = @ns AND key = @key), 0)",
            [Text("ns", stream.StreamNamespace()), Text("key", stream.StreamKey())],
            cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Adds each stream's count to its head (locking the head rows) and returns the first new sequence per stream.</summary>
    private static async Task<Dictionary<StreamId, long>> AllocateSequencesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<NewStreamEvent> fresh, CancellationToken cancellationToken)
    {
        var counts = fresh.GroupBy(e => e.Stream).Select(g => (Stream: g.Key, Count: (long)g.Count())).ToArray();
        await using var upsert = new NpgsqlCommand(
            """
            INSERT INTO stream_heads (namespace, key, last_sequence)
            SELECT * FROM unnest(@namespaces, @keys, @counts)
            ON CONFLICT (namespace, key) DO UPDATE SET last_sequence = stream_heads.last_sequence + excluded.last_sequence
            RETURNING namespace, key, last_sequence
            """,
            connection, transaction);
        upsert.Parameters.Add(TextArray("namespaces", counts.Select(c => c.Stream.StreamNamespace()).ToArray()));
        upsert.Parameters.Add(TextArray("keys", counts.Select(c => c.Stream.StreamKey()).ToArray()));
        upsert.Parameters.Add(new NpgsqlParameter("counts", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = counts.Select(c => c.Count).ToArray() });
        var last = new Dictionary<StreamId, long>();
        await using (var reader = await upsert.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) { last[StreamId.Create(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2); }
        }

        return counts.ToDictionary(c => c.Stream, c => last[c.Stream] - c.Count + 1);
    }

    private static async Task InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<NewStreamEvent> fresh, Dictionary<StreamId, long> nextSequence,
        DateTimeOffset publishedAt, Dictionary<string, StoredStreamEvent> byId, CancellationToken cancellationToken)
    {
        var sequences = new long[fresh.Count];
        var partitions = new int[fresh.Count];
        for (var i = 0; i < fresh.Count; i++)
        {
            var stream = fresh[i].Stream;
            sequences[i] = nextSequence[stream];
            nextSequence[stream] = sequences[i] + 1;
            partitions[i] = StreamPartitions.Of(stream);
        }

        // ORDER BY the input index: positions follow the input order.
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO stream_events (namespace, key, sequence, event_id, partition, published_at, data)
            SELECT ns, k, seq, id, p, @at, d::jsonb
            FROM unnest(@namespaces, @keys, @sequences, @ids, @partitions, @data) WITH ORDINALITY AS t(ns, k, seq, id, p, d, n)
            ORDER BY n
            RETURNING position, event_id, data::text
            """,
            connection, transaction);
        insert.Parameters.Add(TextArray("namespaces", fresh.Select(e => e.Stream.StreamNamespace()).ToArray()));
        insert.Parameters.Add(TextArray("keys", fresh.Select(e => e.Stream.StreamKey()).ToArray()));
        insert.Parameters.Add(new NpgsqlParameter("sequences", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = sequences });
        insert.Parameters.Add(TextArray("ids", fresh.Select(e => e.EventId).ToArray()));
        insert.Parameters.Add(new NpgsqlParameter("partitions", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = partitions });
        insert.Parameters.Add(TextArray("data", fresh.Select(e => e.Data).ToArray()));
        insert.Parameters.Add(Time("at", publishedAt));
        var inserted = new Dictionary<string, (long Position, string Data)>(StringComparer.Ordinal);
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) { inserted[reader.GetString(1)] = (reader.GetInt64(0), reader.GetString(2)); }
        }

        for (var i = 0; i < fresh.Count; i++)
        {
            var e = fresh[i];
            var (position, data) = inserted[e.EventId];
            byId[e.EventId] = new StoredStreamEvent(position, partitions[i], new StreamEvent(e.Stream, sequences[i], e.EventId, publishedAt, data, position));
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_initialized) { await InitializeAsync(cancellationToken); }
        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction);
        command.Parameters.Add(BigInt("key", key));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<StoredStreamEvent>> ReadEventsAsync(string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StoredStreamEvent>();
        while (await reader.ReadAsync(cancellationToken)) { events.Add(ReadEvent(reader)); }
        return events;
    }

    private async Task<long> ScalarAsync(string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, parameters);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static NpgsqlParameter TextArray(string name, string[] values) => new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values };

    private static StoredStreamEvent ReadEvent(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetInt32(5),
        new StreamEvent(
            StreamId.Create(reader.GetString(1), reader.GetString(2)),
            reader.GetInt64(3),
            reader.GetString(4),
            reader.GetFieldValue<DateTimeOffset>(6),
            reader.GetString(7),
            reader.GetInt64(0)));

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
