using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>Grain references and calls.</summary>
public sealed partial class ClusterClient
{
    private const int MaxAttempts = 5;

    /// <inheritdoc />
    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey => Create<TGrainInterface>(key);

    /// <inheritdoc />
    public TGrainInterface GetGrain<TGrainInterface>(Guid key) where TGrainInterface : IGrainWithGuidKey => Create<TGrainInterface>(GrainKeys.Format(key));

    /// <inheritdoc />
    public TGrainInterface GetGrain<TGrainInterface>(long key) where TGrainInterface : IGrainWithIntegerKey => Create<TGrainInterface>(GrainKeys.Format(key));

    /// <inheritdoc />
    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId) where TGrainInterface : IGrain =>
        (TGrainInterface)(object)GetReference(grainId, typeof(TGrainInterface));

    /// <inheritdoc />
    public GrainReference GetReference(GrainId grainId, Type interfaceType) => Registry.GetInterface(interfaceType).CreateProxy(grainId, this);

    private TGrainInterface Create<TGrainInterface>(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var grainType = Registry.GetClassFor(typeof(TGrainInterface)).GrainType;
        return (TGrainInterface)(object)Registry.GetInterface(typeof(TGrainInterface)).CreateProxy(new GrainId(grainType, key), this);
    }

    /// <inheritdoc />
    public Task InvokeAsync(GrainReference target, Request request) => InvokeAsync<object?>(target, request);

    /// <inheritdoc />
    public Task<TResult> InvokeAsync<TResult>(GrainReference target, Request request)
    {
        var call = new ClientCall<TResult>(this, target.GrainId, request);
        call.StartTimer(request.Method.ResponseTimeout ?? _options.ResponseTimeout, Time);
        Send(call);
        return call.Task;
    }

    private void Send<T>(ClientCall<T> call)
    {
        if (call.IsDone) { return; }
        call.Attempts++;
        var gateways = _gateways;
        if (!_avoid.IsEmpty)
        {
            var now = Time.GetUtcNow();
            var usable = gateways.Where(g => !_avoid.TryGetValue(g, out var until) || until < now).ToArray();
            if (usable.Length > 0) { gateways = usable; }
        }
        if (gateways.Length == 0)
        {
            call.Fail(new SiloUnavailableException("The cluster client knows no active silo; call ConnectAsync first."));
            return;
        }
        var route = _routes.GetOrAdd(call.Grain, g => new Route { Silo = gateways[(int)(g.StableHash() % (uint)gateways.Length)] });
        lock (route)
        {
            // Move off a silo that left or refuses (even with calls in flight: it will not serve them in order anyway).
            if (!gateways.Contains(route.Silo) && (route.InFlight == 0 || _avoid.ContainsKey(route.Silo)))
            {
                route.Silo = gateways[(int)(call.Grain.StableHash() % (uint)gateways.Length)];
            }
            route.InFlight++;
            call.Target = route.Silo;
        }
        call.CorrelationId = Interlocked.Increment(ref _nextId);
        var timeout = call.Request.Method.ResponseTimeout ?? _options.ResponseTimeout;
        var message = new Message
        {
            Kind = MessageKind.Request,
            CorrelationId = call.CorrelationId,
            TargetGrain = call.Grain,
            TargetSilo = call.Target,
            ExpiresAtUnixMs = timeout == Timeout.InfiniteTimeSpan ? 0 : Time.GetUtcNow().Add(timeout).ToUnixTimeMilliseconds(),
            TraceParent = System.Diagnostics.Activity.Current?.Id,
            Request = call.Request,
        };
        _pending[call.CorrelationId] = call;
        var connecting = _connections.GetConnectionAsync(call.Target);
        if (connecting.IsCompletedSuccessfully) { Deliver(call, connecting.Result, message); }
        else { _ = DeliverAsync(call, connecting, message); }
    }

    private async Task DeliverAsync<T>(ClientCall<T> call, ValueTask<Connection> connecting, Message message)
    {
        Connection connection;
        try { connection = await connecting; }
        catch (Exception e)
        {
            // Not sent: safe to try another silo.
            Avoid(call.Target);
            Retry(call, new SiloUnavailableException($"Cannot connect to silo {call.Target}: {e.Message}"));
            return;
        }
        Deliver(call, connection, message);
    }

    private void Deliver<T>(ClientCall<T> call, Connection connection, Message message)
    {
        if (!connection.Send(message)) { Retry(call, new SiloUnavailableException($"The connection to silo {call.Target} is closing or full.")); }
    }

    private void Avoid(SiloAddress silo) => _avoid[silo] = Time.GetUtcNow() + TimeSpan.FromSeconds(5);

    private void Retry<T>(ClientCall<T> call, Exception reason)
    {
        _pending.TryRemove(call.CorrelationId, out _);
        Release(call.Grain, actual: null, forget: true);
        if (call.Attempts < MaxAttempts) { Send(call); }
        else { call.Fail(reason); }
    }

    internal void OnResponse<T>(ClientCall<T> call, Message response)
    {
        if (response.Status == ResponseStatus.Rejected && call.Attempts < MaxAttempts)
        {
            if (response.SendingSilo is { } refusing) { Avoid(refusing); }
            Release(call.Grain, actual: null, forget: true);
            Send(call); // the silo did not run it: try again
            return;
        }
        Release(call.Grain, response.ActualSilo, forget: false);
        try
        {
            if (response.Status == ResponseStatus.Success)
            {
                call.Succeed(call.Request.Method.ResultType is null ? default! : _codec.ReadResult<T>(response.Body));
            }
            else { call.Fail(MessageCodec.ReadError(response.Body)); }
        }
        catch (Exception e)
        {
            call.Fail(e);
        }
    }

    internal void Abandon<T>(ClientCall<T> call)
    {
        if (_pending.TryRemove(call.CorrelationId, out _)) { Release(call.Grain, actual: null, forget: false); }
    }

    /// <summary>One call to the grain finished; when none is in flight the route may move to where the grain really is.</summary>
    private void Release(GrainId grain, SiloAddress? actual, bool forget)
    {
        if (!_routes.TryGetValue(grain, out var route)) { return; }
        lock (route)
        {
            route.InFlight = Math.Max(0, route.InFlight - 1);
            if (route.InFlight > 0) { return; }
            if (forget) { _routes.TryRemove(new KeyValuePair<GrainId, Route>(grain, route)); }
            else if (actual is not null) { route.Silo = actual; }
        }
    }

    private void OnSiloLost(SiloAddress silo, Exception reason)
    {
        foreach (var (id, pending) in _pending)
        {
            if (pending.Target == silo && _pending.TryRemove(id, out _)) { pending.OnTargetLost(reason); }
        }
        foreach (var (grain, route) in _routes)
        {
            if (route.Silo == silo) { _routes.TryRemove(new KeyValuePair<GrainId, Route>(grain, route)); }
        }
    }

    private void OnMessage(Message message)
    {
        if (message.Kind == MessageKind.Response && _pending.TryRemove(message.CorrelationId, out var pending)) { pending.OnResponse(message); }
    }

    private sealed class Handler(ClusterClient client) : IConnectionHandler
    {
        public void OnMessage(Connection connection, Message message) => client.OnMessage(message);

        public void OnClosed(Connection connection, Exception? reason)
        {
            if (connection.RemoteSilo is { } silo)
            {
                client.OnSiloLost(silo, new SiloUnavailableException($"The connection to silo {silo} closed; the call may or may not have run."));
            }
        }
    }
}
