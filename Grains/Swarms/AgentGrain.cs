using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// One agent of a swarm. It is registered in the registry as a hosted domain under its own id (grain type
/// <see cref="AgentTypes.GrainType"/>), so a workflow step names it or is routed to it by capability like any domain; it
/// forwards actions to the domain it is an instance of, and answers the coordination actions itself
/// (<see cref="AgentGrain"/>.Coordination). Reentrant: its load is the number of its calls in flight, so calls must overlap.
/// While it lives it heartbeats the registry on a timer; a reminder brings it back after its silo is lost.
/// </summary>
[Reentrant]
[GrainType(AgentTypes.GrainType)]
public sealed partial class AgentGrain(
    [PersistentState("agent", "Default")] IPersistentState<AgentState> state,
    DomainResolver resolver,
    DomainHttpClient http,
    RegistryOptions? registryOptions = null,
    [FromKeyedServices(DomainClock.Key)] TimeProvider? time = null,
    ILogger<AgentGrain>? logger = null) : Grain, IAgentGrain, IRemindable
{
    private const string AliveReminder = "agent-alive";

    private readonly RegistryOptions _registry = registryOptions ?? new RegistryOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private IGrainTimer? _heartbeat;
    private int _inFlight;
    private bool _dirty;

    private string AgentId => this.GetPrimaryKeyString();

    private AgentState S => state.State;

    private bool Running => S.Swarm is not null && !S.Terminated;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Running) { StartHeartbeat(); }
        return Task.CompletedTask;
    }

    public async Task<AgentInfo> Start(AgentStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (S.Swarm is not null) { throw new ConflictException($"Agent '{AgentId}' was already spawned."); }
        var now = _time.GetUtcNow();
        state.State = new AgentState
        {
            Swarm = start.Swarm, Topology = start.Topology, Type = start.Type, Domain = start.Domain,
            Capabilities = [.. start.Capabilities], Params = start.Params, SpawnedAt = now, LastActivityAt = now,
        };
        await SaveAsync();
        await RegisterAsync();
        if (S.Topology == SwarmTopologies.Mesh)
        {
            var subscription = await Bus.Subscribe(new SubscribeRequest(AgentId, SwarmCapabilities.ResultEvent(start.Swarm)));
            S.SubscriptionId = subscription.SubscriptionId;
            await SaveAsync();
        }
        await this.RegisterOrUpdateReminder(AliveReminder, _registry.HealthCheckPeriod, _registry.HealthCheckPeriod);
        StartHeartbeat();
        return Info();
    }

    public Task<AgentInfo> Get() =>
        S.Swarm is null ? throw new KeyNotFoundException($"Agent '{AgentId}' does not exist.") : Task.FromResult(Info());

    public async Task<AgentInfo> Terminate()
    {
        if (S.Swarm is null) { throw new KeyNotFoundException($"Agent '{AgentId}' does not exist."); }
        if (S.Terminated) { return Info(); }
        // Terminated first, so a heartbeat in between does not register it again.
        S.Terminated = true;
        _heartbeat?.Dispose();
        _heartbeat = null;
        await SaveAsync();
        await GrainFactory.GetGrain<IDomainGrain>(AgentId).Unregister();
        if (S.SubscriptionId is { } subscription) { await Bus.Unsubscribe(subscription); }
        if (await this.GetReminder(AliveReminder) is { } reminder) { await this.UnregisterReminder(reminder); }
        return Info();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != AliveReminder) { return; }
        if (!Running)
        {
            if (await this.GetReminder(AliveReminder) is { } stale) { await this.UnregisterReminder(stale); }
            return;
        }
        await HeartbeatAsync(); // the activation's timer carries on from here
    }

    private IEventBusGrain Bus => GrainFactory.GetGrain<IEventBusGrain>(IEventBusGrain.Key);

    private void StartHeartbeat() =>
        _heartbeat ??= this.RegisterGrainTimer(static (grain, _) => grain.HeartbeatAsync(), this,
            new GrainTimerCreationOptions(_registry.HeartbeatInterval, _registry.HeartbeatInterval) { KeepAlive = true, Interleave = true });

    /// <summary>Registers again (the registry counts it as a heartbeat) and saves counters that changed.</summary>
    private async Task HeartbeatAsync()
    {
        if (!Running) { return; }
        try
        {
            await RegisterAsync();
            if (_dirty) { await SaveAsync(); }
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Agent {AgentId}: heartbeat failed; the next one tries again", AgentId);
        }
    }

    private Task RegisterAsync() =>
        GrainFactory.GetGrain<IRegistryGrain>(IRegistryGrain.Key).RegisterHosted(new HostedDomainRegistration(AgentId, AgentTypes.GrainType,
            [.. S.Capabilities, .. S.Capabilities.Select(c => SwarmCapabilities.Scoped(S.Swarm!, c))]));

    /// <summary>One write at a time: calls interleave, writes of the same state must not.</summary>
    private async Task SaveAsync()
    {
        await _writing.WaitAsync();
        try
        {
            _dirty = false;
            await state.WriteStateAsync();
        }
        finally
        {
            _writing.Release();
        }
    }

    private AgentInfo Info() => new(AgentId, S.Swarm!, S.Type, S.Domain, S.Capabilities, S.Params,
        S.Terminated ? AgentStatuses.Terminated : _inFlight > 0 ? AgentStatuses.Busy : AgentStatuses.Idle,
        _inFlight, S.Calls, S.SpawnedAt, S.LastActivityAt, S.Received, [.. S.ReceivedFrom]);
}
