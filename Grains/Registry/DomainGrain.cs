using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>One domain: its registration and heartbeats are durable; a durable reminder marks it unhealthy when heartbeats
/// stop; an endpoint domain is first asked directly (<c>GET {endpoint}/health</c>), and an answer counts as a heartbeat
/// (so a worker that serves but does not send heartbeats stays healthy, and an unhealthy one that answers again recovers).
/// It keeps its index partition up to date on registration and on health changes only, so heartbeats touch no shared
/// grain. An endpoint registration is issued a bearer token (<see cref="DomainTokens"/>).</summary>
[GrainType("domain")]
public sealed class DomainGrain(
    [PersistentState("domain", "Default")] IPersistentState<DomainState> state,
    RegistryOptions? options = null,
    [FromKeyedServices(DomainClock.Key)] TimeProvider? time = null,
    DomainTokens? tokens = null,
    DomainHttpClient? http = null) : Grain, IDomainGrain, IRemindable
{
    /// <summary>How long the health probe of a silent endpoint domain may take.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    private const string HealthReminder = "health";
    private readonly RegistryOptions _options = options ?? new RegistryOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private string DomainId => this.GetPrimaryKeyString();

    private IRegistryIndexGrain Partition => GrainFactory.GetGrain<IRegistryIndexGrain>(RegistryPartitions.KeyOf(DomainId));

    public async Task<DomainInfo> Register(DomainRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration, "registration");
        registration.Validate();
        if (registration.DomainId != DomainId)
        {
            throw new ArgumentException($"domain_id '{registration.DomainId}' does not match the grain's key '{DomainId}'.", "domain_id");
        }
        if (state.State is { Registration: not null, Kind: DomainKinds.Hosted, Status: DomainStatus.Healthy })
        {
            throw new ConflictException(
                $"domain_id '{DomainId}' is a domain hosted in the cluster; it cannot be registered with a port or endpoint while a silo hosts it.");
        }
        var nonce = tokens is null ? null : DomainTokens.NewNonce();
        var info = await StoreAsync(registration with
        {
            Capabilities = registration.Capabilities.Distinct(StringComparer.Ordinal).ToArray(),
            Metadata = registration.Metadata ?? new Dictionary<string, string>(),
        }, DomainKinds.Endpoint, grainType: null, nonce);
        return nonce is null ? info : info with { Token = tokens!.TokenOf(DomainId, nonce) };
    }

    public async Task<DomainInfo> RegisterHosted(HostedDomainRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration, "registration");
        registration.Validate();
        if (registration.DomainId != DomainId)
        {
            throw new ArgumentException($"domain_id '{registration.DomainId}' does not match the grain's key '{DomainId}'.", "domain_id");
        }
        var capabilities = registration.Capabilities.Distinct(StringComparer.Ordinal).ToArray();
        var current = state.State;
        if (current is { Registration: { } known, Kind: DomainKinds.Hosted }
            && current.GrainType == registration.GrainType
            && known.Capabilities.SequenceEqual(capabilities, StringComparer.Ordinal))
        {
            // Every silo hosting the domain sends this on every interval: unchanged, it is a heartbeat and announces nothing.
            return await RecordHeartbeatAsync();
        }
        return await StoreAsync(new DomainRegistration(DomainId, null, null, capabilities, new Dictionary<string, string>()),
            DomainKinds.Hosted, registration.GrainType, tokenNonce: null);
    }

    private async Task<DomainInfo> StoreAsync(DomainRegistration registration, string kind, string? grainType, string? tokenNonce)
    {
        var now = _time.GetUtcNow();
        var current = state.State;
        state.State = current with
        {
            Registration = registration,
            RegisteredAt = current.Registration is null ? now : current.RegisteredAt,
            LastHeartbeatAt = now,
            Status = DomainStatus.Healthy,
            Kind = kind,
            GrainType = grainType,
            TokenNonce = tokenNonce,
        };
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(HealthReminder, _options.HealthCheckPeriod, _options.HealthCheckPeriod);
        await UpdateIndexAsync();
        var info = await DescribeAsync(withPeers: true);
        await PublishAsync(RegistryEvents.Registered, info);
        return info;
    }

    public Task<DomainInfo> Heartbeat()
    {
        if (state.State.Registration is null)
        {
            throw new KeyNotFoundException($"Domain '{DomainId}' is not registered.");
        }
        if (state.State.Kind == DomainKinds.Hosted)
        {
            // Only the silos hosting it speak for a hosted domain; a heartbeat from outside would keep it looking alive after they are gone.
            throw new ConflictException($"Domain '{DomainId}' is hosted in the cluster: the silos hosting it send its heartbeats.");
        }
        return RecordHeartbeatAsync();
    }

    private async Task<DomainInfo> RecordHeartbeatAsync()
    {
        var recovered = state.State.Status != DomainStatus.Healthy;
        state.State = state.State with
        {
            LastHeartbeatAt = _time.GetUtcNow(),
            HeartbeatCount = state.State.HeartbeatCount + 1,
            Status = DomainStatus.Healthy,
        };
        await state.WriteStateAsync();
        if (!recovered) { return Snapshot(); }
        await UpdateIndexAsync();
        var info = Snapshot();
        await PublishAsync(RegistryEvents.Recovered, info);
        return info;
    }

    public async Task<DomainInfo?> Get() => state.State.Registration is null ? null : await DescribeAsync(withPeers: true);

    public Task<DomainInfo?> GetSnapshot() => Task.FromResult(state.State.Registration is null ? null : Snapshot());

    public Task<DomainReach?> GetReach()
    {
        if (state.State.Registration is not { } r) { return Task.FromResult<DomainReach?>(null); }
        var s = state.State;
        var baseAddress = s.Kind == DomainKinds.Hosted ? null
            : r.Endpoint is { } endpoint ? (endpoint.EndsWith('/') ? endpoint : endpoint + "/")
            : r.Port is { } port ? $"http://127.0.0.1:{port}/"
            : null;
        var token = s.TokenNonce is { } nonce && tokens is not null ? tokens.TokenOf(DomainId, nonce) : null;
        return Task.FromResult<DomainReach?>(new DomainReach(s.Kind, s.GrainType, baseAddress, token, s.Status));
    }

    public async Task<bool> Unregister()
    {
        if (state.State.Registration is null) { return false; }
        var info = Snapshot();
        await state.ClearStateAsync();
        await Partition.Remove(DomainId);
        if (await this.GetReminder(HealthReminder) is { } reminder) { await this.UnregisterReminder(reminder); }
        await PublishAsync(RegistryEvents.Unregistered, info);
        return true;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != HealthReminder) { return; }
        if (state.State.Registration is null)
        {
            if (await this.GetReminder(HealthReminder) is { } stale) { await this.UnregisterReminder(stale); }
            return;
        }
        var silentFor = _time.GetUtcNow() - state.State.LastHeartbeatAt;
        if (silentFor <= _options.UnhealthyAfter) { return; }
        if (await AnswersHealthProbeAsync())
        {
            await RecordHeartbeatAsync();
            return;
        }
        if (state.State.Status != DomainStatus.Healthy) { return; }
        state.State = state.State with { Status = DomainStatus.Unhealthy };
        await state.WriteStateAsync();
        await UpdateIndexAsync();
        await PublishAsync(RegistryEvents.Unhealthy, Snapshot());
    }

    /// <summary>Asks a silent endpoint domain directly (<c>GET {endpoint}/health</c>, with its token) before it is marked
    /// unhealthy; hosted domains are spoken for by their silos.</summary>
    private async Task<bool> AnswersHealthProbeAsync()
    {
        if (http is null || state.State.Kind != DomainKinds.Endpoint || await GetReach() is not { BaseAddress: { } address } reach) { return false; }
        return await http.IsAliveAsync(new DomainTarget.Remote(new Uri(address), reach.Token), ProbeTimeout);
    }

    private Task UpdateIndexAsync() =>
        Partition.Upsert(new RegistryEntry(DomainId, state.State.Registration!.Capabilities, state.State.Status, state.State.Kind, state.State.GrainType));

    private DomainInfo Snapshot(IReadOnlyList<string>? peers = null)
    {
        var s = state.State;
        var r = s.Registration!;
        return new DomainInfo(r.DomainId, r.Port, r.Endpoint, r.Capabilities, r.Metadata ?? new Dictionary<string, string>(),
            s.RegisteredAt, s.LastHeartbeatAt, s.Status, peers ?? [], s.HeartbeatCount, s.Kind, s.GrainType);
    }

    private async Task<DomainInfo> DescribeAsync(bool withPeers)
    {
        if (!withPeers) { return Snapshot(); }
        var capabilities = state.State.Registration!.Capabilities;
        var found = await Task.WhenAll(Enumerable.Range(0, RegistryPartitions.Count).Select(p =>
            GrainFactory.GetGrain<IRegistryIndexGrain>(RegistryPartitions.Key(p)).FindByAnyCapability(capabilities)));
        var peers = found.SelectMany(ids => ids).Where(id => id != DomainId).Distinct().Order(StringComparer.Ordinal).ToArray();
        return Snapshot(peers);
    }

    private Task PublishAsync(string eventType, DomainInfo info) => this.AnnounceAsync(RegistryEvents.Namespace, eventType, info);
}
