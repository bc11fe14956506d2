
namespace Rayswarm.Grains;

/// <summary>Creates the tables of a SQLite store on first use: the first call runs the store's idempotent schema script
/// in an IMMEDIATE transaction on the file's writer slot, later calls return at once. Columns added to a table after its
/// first release are listed in <paramref name="addedColumns"/> (table, column, definition): a file created before gets them
/// with ALTER TABLE, as SQLite has no ADD COLUMN IF NOT EXISTS.</summary>
internal sealed class SqliteSchemaOnce(SqliteDatabase database, string script, params (string Table, string Column, string Definition)[] addedColumns)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    /// <summary>Makes sure the schema exists.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_ready) { return; }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_ready) { return; }
            await database.WriteAsync(async (connection, ct) =>
            {
                await using var transaction = connection.BeginTransaction(deferred: false);
                await connection.RunAsync(script, ct, transaction);
                foreach (var (table, column, definition) in addedColumns)
                {
                    await using var exists = connection.Command("SELECT COUNT(*) FROM pragma_table_info(@table) WHERE name = @column",
                        ("@table", table), ("@column", column));
                    exists.Transaction = transaction;
                    if (Convert.ToInt64(await exists.ExecuteScalarAsync(ct)) == 0)
                    {
                        await connection.RunAsync($"ALTER TABLE {table} ADD COLUMN {column} {definition};", ct, transaction);
                    }
                }
                await transaction.CommitAsync(ct);
                return true;
            }, cancellationToken);
            _ready = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
