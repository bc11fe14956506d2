using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// The silo's grain runtime: the grain factory and the call path of generated proxies. A call resolves the grain's
/// activation (the reference caches it as a hint), then offers the activation a turn; an idle activation runs it
/// inline on the caller's thread.
/// </summary>
internal sealed partial class SiloRuntime : IGrainCallRuntime, IGrainFactory
{
    private readonly ConcurrentDictionary<string, GrainClassInfo> _classes = new(StringComparer.Ordinal);
    private readonly GrainCollectionOptions _collection;
    private readonly SchedulingOptions _scheduling;
    private volatile bool _stopping;

    public SiloRuntime(
        IServiceProvider services,
        GrainCodeRegistry registry,
        TimeProvider timeProvider,
        IOptions<GrainCollectionOptions> collection,
        IOptions<MessagingOptions> messaging,
        IOptions<SchedulingOptions> scheduling,
        ILogger<SiloRuntime> logger)
    {
        Services = services;
        Registry = registry;
        TimeProvider = timeProvider;
        _collection = collection.Value;
        _scheduling = scheduling.Value;
        ResponseTimeout = messaging.Value.ResponseTimeout;
        DeactivationTimeout = _collection.DeactivationTimeout;
        Log = new RuntimeLog(logger);
        Catalog = new Catalog(this);
        RemindableReference.Register(registry);
        StreamConsumerReference.Register(registry);
    }

    public IServiceProvider Services { get; }

    public GrainCodeRegistry Registry { get; }

    public TimeProvider TimeProvider { get; }

    public TimeSpan ResponseTimeout { get; }

    public TimeSpan DeactivationTimeout { get; }

    public RuntimeLog Log { get; }

    public Catalog Catalog { get; }

    public bool IsStopping => _stopping;

    /// <summary>Set by the reminder service when it starts.</summary>
    public ReminderService Reminders { get; set; } = null!;

    public Task InvokeAsync(GrainReference target, Request request)
    {
        var turn = new RequestTurn<object?>(request, target.GrainId, SynchronizationContext.Current as Turn, this);
        Dispatch(target, turn);
        return turn.ResultTask;
    }

    public Task<TResult> InvokeAsync<TResult>(GrainReference target, Request request)
    {
        var turn = new RequestTurn<TResult>(request, target.GrainId, SynchronizationContext.Current as Turn, this);
        Dispatch(target, turn);
        return (Task<TResult>)turn.ResultTask;
    }

    private void Dispatch(GrainReference target, Turn turn)
    {
        if (target.RoutingHint is Activation hinted && hinted.Submit(turn, allowInline: true) == SubmitResult.Accepted) { return; }
        var activation = Dispatch(target.GrainId, turn);
        if (activation is not null && activation.Pool is null) { target.RoutingHint = activation; }
    }

    /// <summary>
    /// Offers a turn to the grain's activation. Single silo: the local one, created if needed. Cluster: a live local
    /// activation if there is one, else the router finds or places the grain (possibly here).
    /// </summary>
    public Activation? Dispatch(GrainId grainId, Turn turn)
    {
        try
        {
            var grainClass = GetClass(grainId.Type);
            if (Router is not { } router || grainClass.IsStatelessWorker) { return DispatchLocalOrReject(grainId, grainClass, turn); }
            if (Catalog.TryGet(grainId, out var local) && local.Submit(turn, allowInline: true) == SubmitResult.Accepted) { return local; }
            router.Route(grainId, grainClass, turn);
            return null;
        }
        catch (Exception e)
        {
            turn.Reject(e);
            return null;
        }
    }

    /// <summary>A request from another silo or a client: like <see cref="Dispatch(GrainId, Turn)"/>, but never inline
    /// (the caller is a connection's reader loop, which must not run grain code).</summary>
    public void DispatchRemote(GrainId grainId, Turn turn)
    {
        try
        {
            var grainClass = GetClass(grainId.Type);
            if (Router is not { } router) { throw new InvalidOperationException("This silo is not part of a cluster."); }
            if (grainClass.IsStatelessWorker || (Catalog.TryGet(grainId, out var local) && local.Submit(turn, allowInline: false) == SubmitResult.Accepted))
            {
                if (grainClass.IsStatelessWorker) { DispatchLocalOrReject(grainId, grainClass, turn, allowInline: false); }
                return;
            }
            if (_stopping)
            {
                // Not run, not handed on: the caller routes it again, away from this silo.
                turn.Reject(new SiloUnavailableException($"Silo {router.Local} is shutting down."));
                return;
            }
            // A silo addressed this one for the grain: it placed it here (or knew it here); clients leave placement to us.
            var placedHere = turn is RemoteRequestTurn { Inbound: { SendingSilo: not null } inbound } && inbound.TargetSilo == router.Local;
            router.Route(grainId, grainClass, turn, placedHere);
        }
        catch (Exception e)
        {
            turn.Reject(e);
        }
    }

    private Activation? DispatchLocalOrReject(GrainId grainId, GrainClassInfo grainClass, Turn turn, bool allowInline = true)
    {
        while (true)
        {
            var activation = Catalog.GetOrCreate(grainId, grainClass, allowInline, out var created);
            if (activation.Submit(turn, allowInline, created) == SubmitResult.Accepted) { return activation; }
        }
    }

    /// <summary>
    /// Cluster: hands a turn to the local activation of a grain the router placed here, creating it if needed.
    /// Returns the winner's address if the local activation lost the directory race (the router then routes again).
    /// </summary>
    public GrainAddress? DispatchLocal(GrainId grainId, GrainClassInfo grainClass, Turn turn)
    {
        while (true)
        {
            var activation = Catalog.GetOrCreate(grainId, grainClass, allowInline: false, out var created);
            if (activation.Submit(turn, allowInline: false, created) == SubmitResult.Accepted) { return null; }
            if (activation.LostTo is { } winner) { return winner; }
        }
    }

    /// <summary>Set when the silo is a cluster member.</summary>
    public ClusterRouter? Router { get; set; }

    /// <summary>This silo's current load, for placement.</summary>
    public SiloLoad LocalLoad() => new(Catalog.Count, LoadMonitor.Cpu, LoadMonitor.Memory);

    public SiloLoadMonitor LoadMonitor { get; } = new();

    public GrainClassInfo GetClass(string grainType) =>
        _classes.TryGetValue(grainType, out var info) ? info : _classes.GetOrAdd(grainType, CreateClassInfo);

    private GrainClassInfo CreateClassInfo(string grainType)
    {
        var metadata = Registry.GetClass(grainType);
        var age = metadata.CollectionAge ?? _collection.CollectionAge;
        var maxWorkers = metadata.StatelessWorkerMaxLocal is > 0 and var n ? n : _scheduling.MaxLocalStatelessWorkers;
        // Placement is read once per class from its attribute (start-up reflection, never on the call path).
        var placement = metadata.ClassType.GetCustomAttributes(typeof(PlacementAttribute), inherit: true) is [PlacementAttribute p, ..]
            ? p.Strategy : PlacementStrategy.Random;
        return new GrainClassInfo(metadata, this, age, maxWorkers, placement);
    }

    public GrainReference GetReference(GrainId grainId, Type interfaceType) =>
        Registry.GetInterface(interfaceType).CreateProxy(grainId, this);

    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey =>
        Create<TGrainInterface>(key);

    public TGrainInterface GetGrain<TGrainInterface>(Guid key) where TGrainInterface : IGrainWithGuidKey =>
        Create<TGrainInterface>(GrainKeys.Format(key));

    public TGrainInterface GetGrain<TGrainInterface>(long key) where TGrainInterface : IGrainWithIntegerKey =>
        Create<TGrainInterface>(GrainKeys.Format(key));

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId) where TGrainInterface : IGrain =>
        (TGrainInterface)(object)GetReference(grainId, typeof(TGrainInterface));

    private TGrainInterface Create<TGrainInterface>(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var binding = InterfaceBinding<TGrainInterface>.Get(Registry);
        return (TGrainInterface)(object)binding.Proxy.CreateProxy(new GrainId(binding.GrainType, key), this);
    }

    /// <summary>Deactivates every activation, waiting for running turns; requests that arrive meanwhile are refused.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        var deactivations = Catalog.Activations().Select(a => a.StartDeactivation(DeactivationReason.ShuttingDown)).ToArray();
        await Task.WhenAll(deactivations).WaitAsync(cancellationToken);
    }

    /// <summary>The proxy factory and grain type of one interface, resolved once per process.</summary>
    private static class InterfaceBinding<TGrainInterface>
    {
        private static (GrainInterfaceMetadata Proxy, string GrainType)? s_binding;

        public static (GrainInterfaceMetadata Proxy, string GrainType) Get(GrainCodeRegistry registry) =>
            s_binding ??= (registry.GetInterface(typeof(TGrainInterface)), registry.GetClassFor(typeof(TGrainInterface)).GrainType);
    }
}
