
namespace Rayswarm.Grains;

/// <summary>Creates the tables of a SQLite store on first use: the first call runs the store's idempotent schema script
/// in an IMMEDIATE transaction on the file's writer slot, later calls return at once.</summary>
internal sealed class SqliteSchemaOnce(SqliteDatabase database, string script)
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
