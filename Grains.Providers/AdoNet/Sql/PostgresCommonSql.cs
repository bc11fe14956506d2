namespace Rayswarm.Grains.Providers;

/// <summary>What every provider needs: the query table the providers read, our schema marker, the version successor.</summary>
internal static class PostgresCommonSql
{
    public const string Ddl = """
        -- Orleans' ADO.NET providers load every statement they run from here, unquoted
        -- ("SELECT QueryKey, QueryText FROM OrleansQuery"), so the names are the folded lower-case ones.
        CREATE TABLE IF NOT EXISTS orleansquery (
            querykey  text PRIMARY KEY,
            querytext text NOT NULL
        );

        -- What PostgresOrleansSchema.ApplyAsync installed last: a fingerprint of all scripts and query texts.
        CREATE TABLE IF NOT EXISTS orleans_schema (
            component   text PRIMARY KEY,
            fingerprint text NOT NULL,
            applied_at  timestamptz NOT NULL
        );

        -- Row versions are the providers' ETags, which they parse with int.Parse: stay a positive 32-bit integer.
        CREATE OR REPLACE FUNCTION orleans_next_version(current_version integer)
        RETURNS integer
        LANGUAGE sql IMMUTABLE
        AS $$
            SELECT CASE WHEN current_version >= 2147483647 THEN 1 ELSE current_version + 1 END
        $$;
        """;

    public static PostgresAdoNetSchemaPart Part { get; } = new("common", Ddl, new Dictionary<string, string>());
}
