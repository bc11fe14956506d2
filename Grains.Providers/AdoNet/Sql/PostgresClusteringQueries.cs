namespace Rayswarm.Grains.Providers;

/// <summary>
/// The statements Microsoft.Orleans.Clustering.AdoNet asks for. Its parameters: DeploymentId (the cluster id),
/// Address/Port/Generation (the silo), Version (the table version the caller read), Status, times as UTC DateTimes.
/// </summary>
internal static class PostgresClusteringQueries
{
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        // Returns one boolean: whether this call created the cluster's version row.
        ["InsertMembershipVersionKey"] = """
            WITH created AS (
                INSERT INTO orleans_cluster_version (cluster_id, version)
                VALUES (@DeploymentId, 0)
                ON CONFLICT (cluster_id) DO NOTHING
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM created)
            """,
        ["MembershipReadAllKey"] = """
            SELECT * FROM orleans_cluster_read(@DeploymentId, NULL, NULL, NULL)
            """,
        ["MembershipReadRowKey"] = """
            SELECT * FROM orleans_cluster_read(@DeploymentId, @Address, @Port, @Generation)
            """,
        ["InsertMembershipKey"] = """
            SELECT orleans_cluster_join(
                @DeploymentId, @Version, @Address, @Port, @Generation,
                @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime)
            """,
        ["UpdateMembershipKey"] = """
            SELECT orleans_cluster_update(
                @DeploymentId, @Version, @Address, @Port, @Generation,
                @Status, @SuspectTimes, @IAmAliveTime)
            """,
        // The key's odd casing ("Alivetime") is the provider's.
        ["UpdateIAmAlivetimeKey"] = """
            UPDATE orleans_cluster_member
               SET i_am_alive_time = @IAmAliveTime
             WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
            """,
        ["DeleteMembershipTableEntriesKey"] = """
            DELETE FROM orleans_cluster_version WHERE cluster_id = @DeploymentId
            """,
        // Dead (SiloStatus.Dead = 6) silos whose last heartbeat is older than the given time.
        ["CleanupDefunctSiloEntriesKey"] = """
            DELETE FROM orleans_cluster_member
             WHERE cluster_id = @DeploymentId AND status = 6 AND i_am_alive_time < @IAmAliveTime
            """,
        // Clients' gateway list: the proxy endpoints of silos in the given status (the provider asks for Active).
        ["GatewaysQueryKey"] = """
            SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
              FROM orleans_cluster_member
             WHERE cluster_id = @DeploymentId AND status = @Status AND proxy_port > 0
            """,
    };

    public static PostgresAdoNetSchemaPart Part { get; } = new("clustering", PostgresClusteringDdl.Script, All);
}
