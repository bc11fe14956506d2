using Microsoft.Data.Sqlite;

namespace Rayswarm.Grains.Providers;

/// <summary>Cursors, checkpoints, subscriptions, dead letters and retention.</summary>
public sealed partial class SqliteStreamLog
{
    /// <inheritdoc />
    public async Task<long> ReadCursorAsync(string subscription, StreamId stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await EnsureInitializedAsync(cancellationToken);
        return await ScalarAsync(
            "SELECT COALESCE((SELECT sequence FROM stream_cursors WHERE subscription = @sub AND namespace = @ns AND key = @key), 0)",
            [("@sub", subscription), ("@ns", stream.StreamNamespace()), ("@key", stream.StreamKey())],
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task CommitCursorAsync(string subscription, StreamId stream, long sequence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await WriteAsync(
            """
            INSERT INTO stream_cursors (subscription, namespace, key, sequence) VALUES (@sub, @ns, @key, @seq)
            ON CONFLICT (subscription, namespace, key) DO UPDATE SET sequence = MAX(sequence, excluded.sequence)
            """,
            [("@sub", subscription), ("@ns", stream.StreamNamespace()), ("@key", stream.StreamKey()), ("@seq", sequence)],
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task CommitCursorsAsync(IReadOnlyList<StreamCursor> cursors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursors);
        if (cursors.Count == 0) { return; }
        await EnsureInitializedAsync(cancellationToken);
        await _database.WriteGroupedAsync(async (connection, ct) =>
        {
            await using var upsert = connection.Command(
                """
                INSERT INTO stream_cursors (subscription, namespace, key, sequence) VALUES (@sub, @ns, @key, @seq)
                ON CONFLICT (subscription, namespace, key) DO UPDATE SET sequence = MAX(sequence, excluded.sequence)
                """,
                [("@sub", ""), ("@ns", ""), ("@key", ""), ("@seq", 0L)]);
            foreach (var cursor in cursors)
            {
                upsert.Parameters["@sub"].Value = cursor.Subscription;
                upsert.Parameters["@ns"].Value = cursor.Stream.StreamNamespace();
                upsert.Parameters["@key"].Value = cursor.Stream.StreamKey();
                upsert.Parameters["@seq"].Value = cursor.Sequence;
                await upsert.ExecuteNonQueryAsync(ct);
            }
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<long> ReadCheckpointAsync(int partition, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        return await ScalarAsync(
            "SELECT COALESCE((SELECT position FROM stream_checkpoints WHERE partition = @partition), 0)", [("@partition", (long)partition)], cancellationToken);
    }

    /// <inheritdoc />
    public async Task LowerCheckpointAsync(int partition, long position, CancellationToken cancellationToken) =>
        await WriteAsync(
            "UPDATE stream_checkpoints SET position = MAX(0, MIN(position, @position)) WHERE partition = @partition",
            [("@partition", (long)partition), ("@position", position)],
            cancellationToken);

    /// <inheritdoc />
    public async Task CommitCheckpointAsync(int partition, long position, CancellationToken cancellationToken) =>
        await WriteAsync(
            """
            INSERT INTO stream_checkpoints (partition, position) VALUES (@partition, @position)
            ON CONFLICT (partition) DO UPDATE SET position = MAX(position, excluded.position)
            """,
            [("@partition", (long)partition), ("@position", position)],
            cancellationToken);

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The id is taken by a different subscription.</exception>
    public async Task<StreamSubscription> AddSubscriptionAsync(StreamSubscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await EnsureInitializedAsync(cancellationToken);
        (string, object?)[] parameters =
        [
            ("@id", subscription.Id), ("@ns", subscription.Namespace), ("@pattern", subscription.Pattern),
            ("@subscriber", subscription.Subscriber.ToString()), ("@at", SqliteCommands.FormatTime(subscription.CreatedAt)), ("@start", subscription.StartPosition),
        ];
        var stored = await _database.WriteGroupedAsync(async (connection, ct) =>
        {
            await using (var insert = connection.Command(
                """
                INSERT INTO stream_subscriptions (id, namespace, pattern, subscriber, created_at, start_position)
                VALUES (@id, @ns, @pattern, @subscriber, @at, @start) ON CONFLICT DO NOTHING
                """, parameters))
            {
                await insert.ExecuteNonQueryAsync(ct);
            }

            await using var select = connection.Command(
                $"SELECT {SubscriptionColumns} FROM stream_subscriptions WHERE namespace = @ns AND pattern = @pattern AND subscriber = @subscriber",
                parameters);
            await using var reader = await select.ExecuteReaderAsync(ct);
            var found = await reader.ReadAsync(ct) ? ReadSubscription(reader) : null;
            return found;
        }, cancellationToken);
        return stored ?? throw new InvalidOperationException($"The subscription id '{subscription.Id}' is already used by a different subscription.");
    }

    /// <inheritdoc />
    public async Task<bool> RemoveSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriptionId);
        await EnsureInitializedAsync(cancellationToken);
        return await _database.WriteGroupedAsync(async (connection, ct) =>
        {
            var removed = 0;
            foreach (var sql in (string[])["DELETE FROM stream_cursors WHERE subscription = @id", "DELETE FROM stream_subscriptions WHERE id = @id"])
            {
                await using var command = connection.Command(sql, ("@id", subscriptionId));
                removed = await command.ExecuteNonQueryAsync(ct);
            }

            return removed > 0;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StreamSubscription>> ReadSubscriptionsAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        return await _database.ReadAsync<IReadOnlyList<StreamSubscription>>(async (connection, ct) =>
        {
            await using var command = connection.Command($"SELECT {SubscriptionColumns} FROM stream_subscriptions ORDER BY created_at, id");
            await using var reader = await command.ExecuteReaderAsync(ct);
            var subscriptions = new List<StreamSubscription>();
            while (await reader.ReadAsync(ct)) { subscriptions.Add(ReadSubscription(reader)); }
            return subscriptions;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task ParkAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        var e = deadLetter.Event;
        await WriteAsync(
            """
            INSERT INTO stream_dead_letters (subscription, namespace, key, sequence, event_id, published_at, data, error, attempts, parked_at)
            VALUES (@sub, @ns, @key, @seq, @id, @published, @data, @error, @attempts, @parked)
            """,
            [
                ("@sub", deadLetter.Subscription), ("@ns", e.Stream.StreamNamespace()), ("@key", e.Stream.StreamKey()), ("@seq", e.Sequence), ("@id", e.EventId),
                ("@published", SqliteCommands.FormatTime(e.PublishedAt)), ("@data", e.Data), ("@error", deadLetter.Error),
                ("@attempts", (long)deadLetter.Attempts), ("@parked", SqliteCommands.FormatTime(deadLetter.ParkedAt)),
            ],
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Newest means most recently parked (insertion order).</remarks>
    public async Task<IReadOnlyList<DeadLetter>> ReadDeadLettersAsync(string? subscription, int limit, bool oldestFirst, CancellationToken cancellationToken)
    {
        if (limit <= 0) { return []; }
        await EnsureInitializedAsync(cancellationToken);
        var filter = subscription is null ? string.Empty : "WHERE subscription = @sub ";
        return await _database.ReadAsync<IReadOnlyList<DeadLetter>>(async (connection, ct) =>
        {
            await using var command = connection.Command(
                $"""
                SELECT subscription, namespace, key, sequence, event_id, published_at, data, error, attempts, parked_at
                FROM stream_dead_letters {filter}ORDER BY id {(oldestFirst ? "ASC" : "DESC")} LIMIT @limit
                """,
                ("@sub", subscription), ("@limit", (long)limit));
            await using var reader = await command.ExecuteReaderAsync(ct);
            var letters = new List<DeadLetter>();
            while (await reader.ReadAsync(ct))
            {
                var streamEvent = new StreamEvent(
                    StreamId.Create(reader.GetString(1), reader.GetString(2)), reader.GetInt64(3), reader.GetString(4),
                    SqliteCommands.ParseTime(reader.GetString(5)), reader.GetString(6));
                letters.Add(new DeadLetter(reader.GetString(0), streamEvent, reader.GetString(7), checked((int)reader.GetInt64(8)), SqliteCommands.ParseTime(reader.GetString(9))));
            }

            return letters;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> RemoveDeadLetterAsync(string subscription, string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(eventId);
        return await WriteAsync(
            "DELETE FROM stream_dead_letters WHERE subscription = @sub AND event_id = @id", [("@sub", subscription), ("@id", eventId)], cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The stream heads stay, so the next event of a trimmed stream continues its sequence.</remarks>
    public async Task<int> TrimAsync(DateTimeOffset? olderThan, int? keepPerStream, CancellationToken cancellationToken)
    {
        if (keepPerStream < 0) { throw new ArgumentOutOfRangeException(nameof(keepPerStream), keepPerStream, "Keep zero or more events per stream."); }
        if (olderThan is null && keepPerStream is null) { return 0; }
        await EnsureInitializedAsync(cancellationToken);
        return await _database.WriteGroupedAsync(async (connection, ct) =>
        {
            var deleted = 0;
            if (olderThan is { } before)
            {
                await using var command = connection.Command("DELETE FROM stream_events WHERE published_at < @before", ("@before", SqliteCommands.FormatTime(before)));
                deleted += await command.ExecuteNonQueryAsync(ct);
            }

            if (keepPerStream is { } keep)
            {
                await using var command = connection.Command(
                    """
                    DELETE FROM stream_events WHERE position IN (
                        SELECT position FROM (
                            SELECT position, ROW_NUMBER() OVER (PARTITION BY namespace, key ORDER BY sequence DESC) AS newest
                            FROM stream_events) AS ranked
                        WHERE newest > @keep)
                    """,
                    ("@keep", (long)keep));
                deleted += await command.ExecuteNonQueryAsync(ct);
            }

            return deleted;
        }, cancellationToken);
    }

    private const string SubscriptionColumns = "id, namespace, pattern, subscriber, created_at, start_position";

    private static StreamSubscription ReadSubscription(SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), GrainId.Parse(reader.GetString(3)), SqliteCommands.ParseTime(reader.GetString(4)), reader.GetInt64(5));

    private async Task<int> WriteAsync(string sql, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        return await _database.WriteGroupedAsync(async (connection, ct) =>
        {
            await using var command = connection.Command(sql, parameters);
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
    }
}
