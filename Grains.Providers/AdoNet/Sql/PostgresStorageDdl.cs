namespace Rayswarm.Grains.Providers;

/// <summary>
/// Grain state: one row per (service, state name, grain key). The version is the ETag; a write or clear names the
/// version it read (null: "I saw no row") and gets back the new one, or NULL when someone else got there first, which
/// the provider turns into an InconsistentStateException. Clearing keeps a payload-less row so versions keep rising.
/// </summary>
internal static class PostgresStorageDdl
{
    private const string Identity = """
        p_service_id text, p_grain_type_hash integer, p_grain_type text, p_grain_id_hash integer,
            p_grain_id_n0 bigint, p_grain_id_n1 bigint, p_grain_id_extension text
        """;

    // The two hashes lead the index; the full key is still compared. The extension may be null (integer and GUID
    // keys without one).
    private const string Matches = """
        s.service_id = p_service_id
                   AND s.grain_type_hash = p_grain_type_hash
                   AND s.grain_id_hash = p_grain_id_hash
                   AND s.grain_id_n0 = p_grain_id_n0
                   AND s.grain_id_n1 = p_grain_id_n1
                   AND s.grain_type = p_grain_type
                   AND s.grain_id_extension IS NOT DISTINCT FROM p_grain_id_extension
        """;

    private const string Insert = """
        INSERT INTO orleans_grain_state AS s (
                    service_id, grain_type_hash, grain_type, grain_id_hash,
                    grain_id_n0, grain_id_n1, grain_id_extension, version, payload, modified_at)
        """;

    private const string Values = """
        p_service_id, p_grain_type_hash, p_grain_type, p_grain_id_hash,
                    p_grain_id_n0, p_grain_id_n1, p_grain_id_extension,
                    nextval('orleans_grain_state_version_seed')::integer
        """;

    public const string Script = $$"""
        -- New rows start at a fresh number rather than 1, so an ETag from a deleted row cannot match its successor.
        CREATE SEQUENCE IF NOT EXISTS orleans_grain_state_version_seed AS integer MINVALUE 1 CYCLE;

        CREATE TABLE IF NOT EXISTS orleans_grain_state (
            service_id         text NOT NULL,
            grain_type_hash    integer NOT NULL,
            grain_type         text NOT NULL,
            grain_id_hash      integer NOT NULL,
            grain_id_n0        bigint NOT NULL,
            grain_id_n1        bigint NOT NULL,
            grain_id_extension text NULL,
            version            integer NOT NULL,
            payload            bytea NULL,
            modified_at        timestamptz NOT NULL
        );

        -- Unique per grain and state name; long names and keys go in as digests to stay within a b-tree entry.
        CREATE UNIQUE INDEX IF NOT EXISTS orleans_grain_state_identity ON orleans_grain_state (
            service_id, grain_type_hash, grain_id_hash, grain_id_n0, grain_id_n1,
            md5(grain_type), coalesce(md5(grain_id_extension), '-'));

        CREATE OR REPLACE FUNCTION orleans_grain_state_read({{Identity}})
        RETURNS TABLE ("PayloadBinary" bytea, "Version" integer)
        LANGUAGE sql STABLE
        AS $$
            SELECT s.payload, s.version
              FROM orleans_grain_state AS s
             WHERE {{Matches}}
        $$;

        CREATE OR REPLACE FUNCTION orleans_grain_state_write(
            {{Identity}},
            p_expected_version integer, p_payload bytea)
        RETURNS integer
        LANGUAGE plpgsql
        AS $$
        DECLARE
            written integer;
        BEGIN
            IF p_expected_version IS NULL THEN
                {{Insert}}
                VALUES ({{Values}}, p_payload, now())
                ON CONFLICT DO NOTHING
                RETURNING s.version INTO written;
            ELSE
                UPDATE orleans_grain_state AS s
                   SET payload = p_payload, version = orleans_next_version(s.version), modified_at = now()
                 WHERE {{Matches}}
                   AND s.version = p_expected_version
                RETURNING s.version INTO written;
            END IF;
            RETURN written;
        END;
        $$;

        -- Without an expected version only a missing row can be cleared: a payload-less row is left whose version the
        -- grain's next write names.
        CREATE OR REPLACE FUNCTION orleans_grain_state_clear(
            {{Identity}},
            p_expected_version integer)
        RETURNS integer
        LANGUAGE plpgsql
        AS $$
        DECLARE
            cleared integer;
        BEGIN
            IF p_expected_version IS NULL THEN
                {{Insert}}
                VALUES ({{Values}}, NULL, now())
                ON CONFLICT DO NOTHING
                RETURNING s.version INTO cleared;
            ELSE
                UPDATE orleans_grain_state AS s
                   SET payload = NULL, version = orleans_next_version(s.version), modified_at = now()
                 WHERE {{Matches}}
                   AND s.version = p_expected_version
                RETURNING s.version INTO cleared;
            END IF;
            RETURN cleared;
        END;
        $$;

        -- For DeleteStateOnClear: removes the row. The provider wants a value unlike the ETag it sent on success
        -- (it then forgets the ETag), NULL on a conflict.
        CREATE OR REPLACE FUNCTION orleans_grain_state_delete(
            {{Identity}},
            p_expected_version integer)
        RETURNS integer
        LANGUAGE plpgsql
        AS $$
        BEGIN
            IF p_expected_version IS NULL THEN
                PERFORM 1 FROM orleans_grain_state AS s WHERE {{Matches}};
                RETURN CASE WHEN FOUND THEN NULL ELSE 0 END;
            END IF;

            DELETE FROM orleans_grain_state AS s
             WHERE {{Matches}}
               AND s.version = p_expected_version;
            RETURN CASE WHEN FOUND THEN orleans_next_version(p_expected_version) ELSE NULL END;
        END;
        $$;
        """;
}
