using Npgsql;
using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;
using Xunit.Abstractions;

namespace Rayswarm.Cluster.Tests;

/// <summary>
/// Swarm agents on real Silo processes on PostgreSQL: the silo hosting a live agent's activation is killed with SIGKILL, and
/// with nobody calling the agent its durable reminder ("agent-alive") activates it on a surviving silo, whose heartbeats
/// reach its registry entry again; a terminated agent's reminder is gone, and it stays out of the registry.
/// </summary>
[Trait("Category", "Slow")]
[Collection(SiloProcesses.Name)]
public sealed class AgentRecoveryTests(SiloCluster cluster, ITestOutputHelper output) : SiloClusterTests<SiloCluster>(cluster, output)
{
    private const string AliveReminder = "agent-alive";

    /// <summary>The Silo executable keeps the registry's defaults, so the agents' reminder period is theirs (1 minute).</summary>
    private static readonly TimeSpan ReminderPeriod = new RegistryOptions().HealthCheckPeriod;

    [Fact]
    public async Task A_live_agent_comes_back_on_a_surviving_silo_by_its_reminder_after_its_silo_is_killed_and_a_terminated_one_does_not()
    {
        await Cluster.EnsureSilosAsync(2);
        await using var client = await Cluster.ConnectAsync();
        var name = "recover-" + Guid.NewGuid().ToString("N")[..8];
        var swarms = client.GetGrain<ISwarmsGrain>(ISwarmsGrain.Key);
        // Star: no bus subscription, so no event delivery activates an agent either; only its reminder can.
        await swarms.Init(new SwarmInitRequest(name, SwarmTopologies.Star, 3)).Within();
        var swarm = client.GetGrain<ISwarmGrain>(name);
        var live = await swarm.Spawn(new SpawnAgentRequest("coordinator")).Within();
        var ended = await swarm.Spawn(new SpawnAgentRequest("coordinator")).Within();
        Assert.Equal(AgentStatuses.Terminated, (await swarm.Terminate(ended.AgentId).Within()).Status);
        Assert.Equal([AliveReminder], await ReminderNamesAsync(live.AgentId));
        Assert.Empty(await ReminderNamesAsync(ended.AgentId));
        Assert.Null(await Entry(client, ended.AgentId).GetSnapshot().Within());
        var before = await Entry(client, live.AgentId).GetSnapshot().Within()
            ?? throw new InvalidOperationException($"agent {live.AgentId} is not registered");
        Assert.Equal(DomainStatus.Healthy, before.Status);

        // Kill the silo whose activation runs the live agent (the grain directory says which).
        var management = client.Client.GetGrain<IManagementGrain>(0);
        var address = await management.GetActivationAddress(client.GetGrain<IAgentGrain>(live.AgentId)).AsTask().Within()
            ?? throw new InvalidOperationException($"agent {live.AgentId} has no activation");
        var victim = Cluster.Live.Single(s => s.Is(address));
        Log($"agent {live.AgentId} runs on {address} (heartbeat {before.HeartbeatCount} at {before.LastHeartbeatAt:O}); SIGKILL to it");
        victim.Kill();
        Assert.Equal(137, await victim.WaitForExitAsync());
        var killedAt = DateTimeOffset.UtcNow;

        // Nobody calls the agent: its reminder fires on a surviving silo within a period, the agent activates there and
        // heartbeats. Only reads of its registry entry and of the grain directory meanwhile, neither of which activates it.
        DomainInfo? after = null;
        SiloAddress? now = null;
        await Eventually.True(async () =>
        {
            // A call sent to the dead silo waits for its timeout: give up on it after 2 s and ask again.
            try
            {
                after = await Entry(client, live.AgentId).GetSnapshot().WaitAsync(TimeSpan.FromSeconds(2));
                now = await management.GetActivationAddress(client.GetGrain<IAgentGrain>(live.AgentId)).AsTask().WaitAsync(TimeSpan.FromSeconds(2));
            }
            catch (Exception e) when (e is not KeyNotFoundException) { return false; } // its silo just died: not yet declared dead
            return after is { } entry && entry.LastHeartbeatAt > killedAt && now is not null && !victim.Is(now);
        }, $"agent {live.AgentId} heartbeats again from a surviving silo", (int)(ReminderPeriod * 2.5).TotalMilliseconds);
        Log($"agent {live.AgentId} back on {now} (heartbeat {after!.HeartbeatCount} at {after.LastHeartbeatAt:O})");
        Assert.True(after.HeartbeatCount > before.HeartbeatCount, $"heartbeats {after.HeartbeatCount} after the kill, {before.HeartbeatCount} before");
        Assert.Equal(DomainStatus.Healthy, after.Status);
        var registered = await client.GetGrain<IRegistryGrain>(IRegistryGrain.Key).Get(live.AgentId).Within();
        Assert.Equal((DomainStatus.Healthy, AgentTypes.GrainType), (registered!.Status, registered.GrainType));

        // The terminated agent's reminder, had it survived, would have fired by now (it was due just after the live one's).
        var dueAfterKill = ended.SpawnedAt + ReminderPeriod * Math.Ceiling((killedAt - ended.SpawnedAt) / ReminderPeriod);
        await Eventually.True(() => DateTimeOffset.UtcNow > dueAfterKill + TimeSpan.FromSeconds(5),
            "the terminated agent's former reminder would have fired", (int)(ReminderPeriod * 1.5).TotalMilliseconds);
        Assert.Null(await Entry(client, ended.AgentId).GetSnapshot().Within());
        Assert.Null(await client.GetGrain<IRegistryGrain>(IRegistryGrain.Key).Get(ended.AgentId).Within());
        Assert.Empty(await ReminderNamesAsync(ended.AgentId));
        Assert.Equal([AliveReminder], await ReminderNamesAsync(live.AgentId));

        // query_agents still lists the live agent as running and the other as terminated.
        var agents = (await swarms.QueryAgents(new AgentQuery(name)).Within()).Agents.ToDictionary(a => a.AgentId, a => a.Status);
        Assert.Equal(2, agents.Count);
        Assert.Contains(agents[live.AgentId], new[] { AgentStatuses.Idle, AgentStatuses.Busy });
        Assert.Equal(AgentStatuses.Terminated, agents[ended.AgentId]);
    }

    private static IDomainGrain Entry(ClusterClientHost client, string agentId) => client.GetGrain<IDomainGrain>(agentId);

    /// <summary>The agent's rows in the cluster's reminder table (Orleans' ADO.NET provider keys them by the grain id's string form).</summary>
    private async Task<List<string>> ReminderNamesAsync(string agentId)
    {
        await using var connection = new NpgsqlConnection(Cluster.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT reminder_name FROM orleans_reminder WHERE service_id = @service AND grain_id = @grain ORDER BY reminder_name", connection);
        command.Parameters.AddWithValue("service", Cluster.ClusterId);
        command.Parameters.AddWithValue("grain", GrainId.Create(AgentTypes.GrainType, agentId).ToString());
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync()) { names.Add(reader.GetString(0)); }
        return names;
    }
}
