using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>The swarms' directory: the sorted names of every swarm, durable; lists and agent queries ask each swarm.</summary>
[GrainType("swarms")]
public sealed class SwarmsGrain([PersistentState("swarms", "Default")] IPersistentState<SortedSet<string>> names) : Grain, ISwarmsGrain
{
    public async Task<SwarmInfo> Init(SwarmInitRequest request)
    {
        ArgumentNullException.ThrowIfNull(request, "request");
        request.Validate(); // here too, so a bad name never activates a swarm grain
        var swarm = await Swarm(request.Name).Init(request);
        if (names.State.Add(request.Name)) { await names.WriteStateAsync(); }
        return swarm;
    }

    public async Task<IReadOnlyList<SwarmInfo>> List() => await Task.WhenAll(names.State.Select(n => Swarm(n).Get()));

    public async Task<AgentList> QueryAgents(AgentQuery query)
    {
        ArgumentNullException.ThrowIfNull(query, "query");
        query.Validate();
        if (query.Swarm is { } only && !names.State.Contains(only)) { throw new KeyNotFoundException($"Swarm '{only}' does not exist."); }
        var swarms = query.Swarm is { } one ? [one] : names.State.ToArray();
        var agents = (await Task.WhenAll(swarms.Select(s => Swarm(s).Agents(query)))).SelectMany(a => a).ToList();
        return new AgentList(agents, agents.Count);
    }

    private ISwarmGrain Swarm(string name) => GrainFactory.GetGrain<ISwarmGrain>(name);
}
