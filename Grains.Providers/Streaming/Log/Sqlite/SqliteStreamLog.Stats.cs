namespace Rayswarm.Grains.Providers;

public sealed partial class SqliteStreamLog
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<(StreamId Stream, long LastSequence)>> ReadStreamHeadsAsync(string? streamNamespace, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        return await _database.ReadAsync<IReadOnlyList<(StreamId, long)>>(async (connection, ct) =>
        {
            await using var command = connection.Command(
                "SELECT namespace, key, last_sequence FROM stream_heads WHERE @ns IS NULL OR namespace = @ns ORDER BY namespace, key",
                [("@ns", streamNamespace)]);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var heads = new List<(StreamId, long)>();
            while (await reader.ReadAsync(ct)) { heads.Add((StreamId.Create(reader.GetString(0), reader.GetString(1)), reader.GetInt64(2))); }
            return heads;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StreamCursor>> ReadCursorsAsync(string subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await EnsureInitializedAsync(cancellationToken);
        return await _database.ReadAsync<IReadOnlyList<StreamCursor>>(async (connection, ct) =>
        {
            await using var command = connection.Command(
                "SELECT namespace, key, sequence FROM stream_cursors WHERE subscription = @sub", [("@sub", subscription)]);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var cursors = new List<StreamCursor>();
            while (await reader.ReadAsync(ct)) { cursors.Add(new StreamCursor(subscription, StreamId.Create(reader.GetString(0), reader.GetString(1)), reader.GetInt64(2))); }
            return cursors;
        }, cancellationToken);
    }
}
