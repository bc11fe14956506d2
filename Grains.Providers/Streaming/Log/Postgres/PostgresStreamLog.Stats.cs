using Npgsql;

namespace Rayswarm.Grains.Providers;

public sealed partial class PostgresStreamLog
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<(StreamId Stream, long LastSequence)>> ReadStreamHeadsAsync(string? streamNamespace, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT namespace, key, last_sequence FROM stream_heads WHERE @ns::text IS NULL OR namespace = @ns ORDER BY namespace, key", connection);
        command.Parameters.Add(new NpgsqlParameter("ns", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)streamNamespace ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var heads = new List<(StreamId, long)>();
        while (await reader.ReadAsync(cancellationToken)) { heads.Add((StreamId.Create(reader.GetString(0), reader.GetString(1)), reader.GetInt64(2))); }
        return heads;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StreamCursor>> ReadCursorsAsync(string subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT namespace, key, sequence FROM stream_cursors WHERE subscription = @sub", connection);
        command.Parameters.AddWithValue("sub", subscription);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var cursors = new List<StreamCursor>();
        while (await reader.ReadAsync(cancellationToken)) { cursors.Add(new StreamCursor(subscription, StreamId.Create(reader.GetString(0), reader.GetString(1)), reader.GetInt64(2))); }
        return cursors;
    }
}
