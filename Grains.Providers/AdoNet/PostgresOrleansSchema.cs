using Npgsql;
using NpgsqlTypes;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// Our PostgreSQL schema for Orleans' ADO.NET clustering, grain storage and reminder providers: the tables, the
/// functions behind them, and the <c>OrleansQuery</c> rows the providers load their statements from.
/// </summary>
public static class PostgresOrleansSchema
{
    /// <summary>The ADO.NET invariant the providers must be configured with for Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// The silo lifecycle stage at which the hosting extensions apply the schema: the first, before membership
    /// (RuntimeGrainServices), reminders and grain storage (ApplicationServices, or a configured InitStage) start.
    /// </summary>
    public const int SiloLifecycleStage = ServiceLifecycleStage.First;

    /// <summary>Key of the transaction-scoped advisory lock that serializes appliers ("RaysOrln").</summary>
    internal const long LockKey = 0x5261_7973_4F72_6C6E;

    /// <summary>
    /// Creates or updates the schema in the connection string's database. Idempotent and safe to call from several
    /// processes at once: appliers queue on an advisory lock, and a database whose recorded fingerprint matches this
    /// build's is left alone (then only two reads run, so roles without DDL rights can call this too).
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string; the role needs CREATE rights unless the schema is current.</param>
    /// <param name="cancellationToken">Cancels the wait for the lock and the statements.</param>
    public static async Task ApplyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // A one-off connection: no pool left behind for a string the providers may not use as such.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        if (await IsCurrentAsync(connection, null, cancellationToken)) { return; }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Bigint) { Value = LockKey });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        // Whoever held the lock before us may have applied this very version.
        if (!await IsCurrentAsync(connection, transaction, cancellationToken))
        {
            foreach (var part in PostgresAdoNetSchemaScript.Parts)
            {
                await using var command = new NpgsqlCommand(part.Ddl, connection, transaction);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await UpsertQueriesAsync(connection, transaction, cancellationToken);
            await RecordFingerprintAsync(connection, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<bool> IsCurrentAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('orleans_schema') IS NOT NULL", connection, transaction))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is not true) { return false; }
        }

        await using var read = new NpgsqlCommand("SELECT fingerprint FROM orleans_schema WHERE component = @component", connection, transaction);
        read.Parameters.Add(new NpgsqlParameter("component", NpgsqlDbType.Text) { Value = PostgresAdoNetSchemaScript.Component });
        return await read.ExecuteScalarAsync(cancellationToken) is string fingerprint
            && string.Equals(fingerprint, PostgresAdoNetSchemaScript.Fingerprint, StringComparison.Ordinal);
    }

    private static async Task UpsertQueriesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO orleansquery (querykey, querytext)
            SELECT * FROM unnest(@keys, @texts)
            ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext
            """;
        var queries = PostgresAdoNetSchemaScript.Queries;
        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = queries.Keys.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("texts", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = queries.Values.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task RecordFingerprintAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        const string Sql = """
            INSERT INTO orleans_schema (component, fingerprint, applied_at)
            VALUES (@component, @fingerprint, now())
            ON CONFLICT (component) DO UPDATE SET fingerprint = excluded.fingerprint, applied_at = excluded.applied_at
            """;
        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("component", NpgsqlDbType.Text) { Value = PostgresAdoNetSchemaScript.Component });
        command.Parameters.Add(new NpgsqlParameter("fingerprint", NpgsqlDbType.Text) { Value = PostgresAdoNetSchemaScript.Fingerprint });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
