namespace Rayswarm.Grains.Providers;

/// <summary>
/// One provider's share of the schema: the DDL that creates its tables and functions (idempotent: IF NOT EXISTS,
/// OR REPLACE) and the statements it reads from <c>OrleansQuery</c>, by query key.
/// </summary>
internal sealed record PostgresAdoNetSchemaPart(string Name, string Ddl, IReadOnlyDictionary<string, string> Queries);
