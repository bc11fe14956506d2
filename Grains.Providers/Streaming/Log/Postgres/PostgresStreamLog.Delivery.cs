using Npgsql;
using static Rayswarm.Grains.Providers.PostgresCommands;

namespace Rayswarm.Grains.Providers;

/// <summary>Cursors, checkpoints, subscriptions, dead letters and retention.</summary>
public sealed partial class PostgresStreamLog
{
    private const string SubscriptionColumns = "id, namespace, pattern, subscriber, created_at, start_position";

    /// <inheritdoc />
    public Task<long> ReadCursorAsync(string subscription, StreamId stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return ScalarAsync(
            "SELECT COALESCE((SELECT sequence FROM stream_cursors WHERE subscription = @sub AND namespace = @ns AND key = @key), 0)",
            [Text("sub", subscription), Text("ns", stream.StreamNamespace()), Text("key", stream.StreamKey())],
            cancellationToken);
    }

    /// <inheritdoc />
    public Task CommitCursorAsync(string subscription, StreamId stream, long sequence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return ExecuteAsync(
            """
            INSERT INTO stream_cursors (subscription, namespace, key, sequence) VALUES (@sub, @ns, @key, @seq)
            ON CONFLICT (subscription, namespace, key) DO UPDATE SET sequence = GREATEST(stream_cursors.sequence, excluded.sequence)
            """,
            [Text("sub", subscription), Text("ns", stream.StreamNamespace()), Text("key", stream.StreamKey()), BigInt("seq", sequence)],
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task CommitCursorsAsync(IReadOnlyList<StreamCursor> cursors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursors);
        if (cursors.Count == 0) { return; }
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO stream_cursors (subscription, namespace, key, sequence)
            SELECT * FROM unnest(@subs, @nss, @keys, @seqs)
            ON CONFLICT (subscription, namespace, key) DO UPDATE SET sequence = GREATEST(stream_cursors.sequence, excluded.sequence)
            """, connection);
        // One row per (subscription, stream): the batch keeps the highest sequence of each.
        var rows = cursors.GroupBy(c => (c.Subscription, c.Stream)).Select(g => g.MaxBy(c => c.Sequence)).ToArray();
        command.Parameters.AddWithValue("subs", rows.Select(c => c.Subscription).ToArray());
        command.Parameters.AddWithValue("nss", rows.Select(c => c.Stream.StreamNamespace()).ToArray());
        command.Parameters.AddWithValue("keys", rows.Select(c => c.Stream.StreamKey()).ToArray());
        command.Parameters.AddWithValue("seqs", rows.Select(c => c.Sequence).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> ReadCheckpointAsync(int partition, CancellationToken cancellationToken) =>
        ScalarAsync(
            "SELECT COALESCE((SELECT position FROM stream_checkpoints WHERE partition = @partition), 0)",
            [new NpgsqlParameter("partition", NpgsqlTypes.NpgsqlDbType.Integer) { Value = partition }],
            cancellationToken);

    /// <inheritdoc />
    public Task LowerCheckpointAsync(int partition, long position, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE stream_checkpoints SET position = GREATEST(0, LEAST(position, @position)) WHERE partition = @partition",
            [new NpgsqlParameter("partition", NpgsqlTypes.NpgsqlDbType.Integer) { Value = partition }, BigInt("position", position)],
            cancellationToken);

    /// <inheritdoc />
    public Task CommitCheckpointAsync(int partition, long position, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            INSERT INTO stream_checkpoints (partition, position) VALUES (@partition, @position)
            ON CONFLICT (partition) DO UPDATE SET position = GREATEST(stream_checkpoints.position, excluded.position)
            """,
            [new NpgsqlParameter("partition", NpgsqlTypes.NpgsqlDbType.Integer) { Value = partition }, BigInt("position", position)],
            cancellationToken);

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The id is taken by a different subscription.</exception>
    public async Task<StreamSubscription> AddSubscriptionAsync(StreamSubscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var connection = await OpenAsync(cancellationToken);
        await using (var insert = connection.Command(
            """
            INSERT INTO stream_subscriptions (id, namespace, pattern, subscriber, created_at, start_position)
            VALUES (@id, @ns, @pattern, @subscriber, @at, @start) ON CONFLICT DO NOTHING
            """,
            Text("id", subscription.Id), Text("ns", subscription.Namespace), Text("pattern", subscription.Pattern),
            Text("subscriber", subscription.Subscriber.ToString()), Time("at", subscription.CreatedAt), BigInt("start", subscription.StartPosition)))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        // A separate statement: it sees a row a concurrent adder committed while this insert waited on it.
        await using var select = connection.Command(
            $"SELECT {SubscriptionColumns} FROM stream_subscriptions WHERE namespace = @ns AND pattern = @pattern AND subscriber = @subscriber",
            Text("ns", subscription.Namespace), Text("pattern", subscription.Pattern),
            Text("subscriber", subscription.Subscriber.ToString()));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? ReadSubscription(reader)
            : throw new InvalidOperationException($"The subscription id '{subscription.Id}' is already used by a different subscription.");
    }

    /// <inheritdoc />
    public async Task<bool> RemoveSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriptionId);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var removed = 0;
        foreach (var sql in (string[])["DELETE FROM stream_cursors WHERE subscription = @id", "DELETE FROM stream_subscriptions WHERE id = @id"])
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.Add(Text("id", subscriptionId));
            removed = await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return removed > 0;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StreamSubscription>> ReadSubscriptionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {SubscriptionColumns} FROM stream_subscriptions ORDER BY created_at, id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var subscriptions = new List<StreamSubscription>();
        while (await reader.ReadAsync(cancellationToken)) { subscriptions.Add(ReadSubscription(reader)); }
        return subscriptions;
    }

    /// <inheritdoc />
    public Task ParkAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        var e = deadLetter.Event;
        return ExecuteAsync(
            """
            INSERT INTO stream_dead_letters (subscription, namespace, key, sequence, event_id, published_at, data, error, attempts, parked_at)
            VALUES (@sub, @ns, @key, @seq, @id, @published, @data, @error, @attempts, @parked)
            """,
            [
                Text("sub", deadLetter.Subscription), Text("ns", e.Stream.StreamNamespace()), Text("key", e.Stream.StreamKey()), BigInt("seq", e.Sequence),
                Text("id", e.EventId), Time("published", e.PublishedAt), Jsonb("data", e.Data), Text("error", deadLetter.Error),
                new NpgsqlParameter("attempts", NpgsqlTypes.NpgsqlDbType.Integer) { Value = deadLetter.Attempts }, Time("parked", deadLetter.ParkedAt),
            ],
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Newest means most recently parked (insertion order).</remarks>
    public async Task<IReadOnlyList<DeadLetter>> ReadDeadLettersAsync(string? subscription, int limit, bool oldestFirst, CancellationToken cancellationToken)
    {
        if (limit <= 0) { return []; }
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"""
            SELECT subscription, namespace, key, sequence, event_id, published_at, data::text, error, attempts, parked_at
            FROM stream_dead_letters WHERE (@sub::text IS NULL OR subscription = @sub) ORDER BY id {(oldestFirst ? "ASC" : "DESC")} LIMIT @limit
            """,
            new NpgsqlParameter("sub", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)subscription ?? DBNull.Value }, BigInt("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var streamEvent = new StreamEvent(
                StreamId.Create(reader.GetString(1), reader.GetString(2)), reader.GetInt64(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6));
            letters.Add(new DeadLetter(reader.GetString(0), streamEvent, reader.GetString(7), reader.GetInt32(8), reader.GetFieldValue<DateTimeOffset>(9)));
        }

        return letters;
    }

    /// <inheritdoc />
    public async Task<int> RemoveDeadLetterAsync(string subscription, string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(eventId);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "DELETE FROM stream_dead_letters WHERE subscription = @sub AND event_id = @id", Text("sub", subscription), Text("id", eventId));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The stream heads stay, so the next event of a trimmed stream continues its sequence.</remarks>
    public async Task<int> TrimAsync(DateTimeOffset? olderThan, int? keepPerStream, CancellationToken cancellationToken)
    {
        if (keepPerStream < 0) { throw new ArgumentOutOfRangeException(nameof(keepPerStream), keepPerStream, "Keep zero or more events per stream."); }
        if (olderThan is null && keepPerStream is null) { return 0; }
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var deleted = 0;
        if (olderThan is not null)
        {
            await using var command = new NpgsqlCommand("DELETE FROM stream_events WHERE published_at < @before", connection, transaction);
            command.Parameters.Add(Time("before", olderThan));
            deleted += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (keepPerStream is { } keep)
        {
            await using var command = new NpgsqlCommand(
                """
                DELETE FROM stream_events WHERE position IN (
                    SELECT position FROM (
                        SELECT position, row_number() OVER (PARTITION BY namespace, key ORDER BY sequence DESC) AS newest
                        FROM stream_events) AS ranked
                    WHERE newest > @keep)
                """,
                connection, transaction);
            command.Parameters.Add(BigInt("keep", keep));
            deleted += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private static StreamSubscription ReadSubscription(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), GrainId.Parse(reader.GetString(3)), reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt64(5));

    private async Task ExecuteAsync(string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
