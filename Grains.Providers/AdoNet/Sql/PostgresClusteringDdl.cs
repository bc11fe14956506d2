namespace Rayswarm.Grains.Providers;

/// <summary>
/// Membership: one version row per cluster (the table version every change must name) and one row per silo
/// incarnation. Joining and updating bump the version in the same transaction and fail, returning false, when the
/// caller's version is stale; I-am-alive heartbeats and cleanup leave the version alone.
/// </summary>
internal static class PostgresClusteringDdl
{
    public const string Script = """
        CREATE TABLE IF NOT EXISTS orleans_cluster_version (
            cluster_id text PRIMARY KEY,
            version    integer NOT NULL,
            changed_at timestamptz NOT NULL DEFAULT now()
        );

        CREATE TABLE IF NOT EXISTS orleans_cluster_member (
            cluster_id      text NOT NULL REFERENCES orleans_cluster_version (cluster_id) ON DELETE CASCADE,
            address         text NOT NULL,
            port            integer NOT NULL,
            generation      integer NOT NULL,
            silo_name       text NOT NULL,
            host_name       text NOT NULL,
            status          integer NOT NULL,
            proxy_port      integer NOT NULL,
            suspect_times   text NULL,
            start_time      timestamptz NOT NULL,
            i_am_alive_time timestamptz NOT NULL,
            PRIMARY KEY (cluster_id, address, port, generation)
        );

        -- The version row first, then the members: the provider takes the first row's version as the table version
        -- and a row without a start time as "no member". A cluster without a version row reads as version 0, empty.
        CREATE OR REPLACE FUNCTION orleans_cluster_read(
            p_cluster_id text, p_address text, p_port integer, p_generation integer)
        RETURNS TABLE (
            "Version" integer, "Address" text, "Port" integer, "Generation" integer, "SiloName" text,
            "HostName" text, "Status" integer, "ProxyPort" integer, "SuspectTimes" text,
            "StartTime" timestamptz, "IAmAliveTime" timestamptz)
        LANGUAGE sql STABLE
        AS $$
            SELECT coalesce(v.version, 0), m.address, m.port, m.generation, m.silo_name,
                   m.host_name, m.status, m.proxy_port, m.suspect_times,
                   m.start_time, m.i_am_alive_time
              FROM (SELECT p_cluster_id AS cluster_id) AS wanted
              LEFT JOIN orleans_cluster_version AS v ON v.cluster_id = wanted.cluster_id
              LEFT JOIN orleans_cluster_member AS m
                     ON m.cluster_id = wanted.cluster_id
                    AND (p_address IS NULL
                         OR (m.address = p_address AND m.port = p_port AND m.generation = p_generation))
             ORDER BY m.address, m.port, m.generation
        $$;

        -- A silo joins: only if the caller saw the current version and the incarnation is new.
        CREATE OR REPLACE FUNCTION orleans_cluster_join(
            p_cluster_id text, p_expected_version integer,
            p_address text, p_port integer, p_generation integer,
            p_silo_name text, p_host_name text, p_status integer, p_proxy_port integer,
            p_start_time timestamptz, p_i_am_alive_time timestamptz)
        RETURNS boolean
        LANGUAGE plpgsql
        AS $$
        BEGIN
            UPDATE orleans_cluster_version
               SET version = orleans_next_version(version), changed_at = now()
             WHERE cluster_id = p_cluster_id AND version = p_expected_version;
            IF NOT FOUND THEN
                RETURN false;
            END IF;

            INSERT INTO orleans_cluster_member (
                cluster_id, address, port, generation, silo_name, host_name,
                status, proxy_port, suspect_times, start_time, i_am_alive_time)
            VALUES (
                p_cluster_id, p_address, p_port, p_generation, coalesce(p_silo_name, ''), coalesce(p_host_name, ''),
                p_status, p_proxy_port, NULL, p_start_time, p_i_am_alive_time);
            RETURN true;
        EXCEPTION
            -- The incarnation exists already: the block's savepoint also undoes the version bump.
            WHEN unique_violation THEN
                RETURN false;
        END;
        $$;

        -- A silo's status or suspicions change: only if the caller saw the current version and the row exists.
        CREATE OR REPLACE FUNCTION orleans_cluster_update(
            p_cluster_id text, p_expected_version integer,
            p_address text, p_port integer, p_generation integer,
            p_status integer, p_suspect_times text, p_i_am_alive_time timestamptz)
        RETURNS boolean
        LANGUAGE plpgsql
        AS $$
        BEGIN
            UPDATE orleans_cluster_version
               SET version = orleans_next_version(version), changed_at = now()
             WHERE cluster_id = p_cluster_id AND version = p_expected_version;
            IF NOT FOUND THEN
                RETURN false;
            END IF;

            UPDATE orleans_cluster_member
               SET status = p_status, suspect_times = p_suspect_times, i_am_alive_time = p_i_am_alive_time
             WHERE cluster_id = p_cluster_id AND address = p_address AND port = p_port AND generation = p_generation;
            IF NOT FOUND THEN
                RAISE EXCEPTION USING ERRCODE = 'no_data_found';
            END IF;
            RETURN true;
        EXCEPTION
            -- No such silo: undo the version bump.
            WHEN no_data_found THEN
                RETURN false;
        END;
        $$;
        """;
}
