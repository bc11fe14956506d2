using Orleans.Configuration;

namespace Rayswarm.Grains;

/// <summary>
/// The failure-detection and call timings of our clusters (docs/cluster.md). Orleans' defaults took 7–15 s to declare a silo
/// killed with <c>kill -9</c> dead on our machines and let calls to it wait 30 s; with these a dead silo is declared dead in
/// about 2 s and its grains answer elsewhere within 5 s, and a call to a silo that died fails within <see cref="ResponseTimeout"/>.
/// A call that a silo stopping gracefully rejected unrun is sent again (<see cref="RejectedCallRetry"/>).
/// </summary>
public static class ClusterTimings
{
    /// <summary>How long a grain call waits for its answer unless its method says otherwise with [ResponseTimeout].</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long a call of a client (the gateway in cluster mode) waits for its answer unless its method says
    /// otherwise. Shorter than <see cref="ResponseTimeout"/>: a client does not cut short the calls it sent through a silo
    /// that died, so each of them hangs this long, and a gateway whose every caller sent one call there would answer
    /// nothing for that time (the chaos benchmark measured 10.8 s with 10 s). Calls through the gateway are short; the long
    /// ones (workflow execute) set their own.</summary>
    public static readonly TimeSpan ClientResponseTimeout = TimeSpan.FromSeconds(4);

    /// <summary>Applies the membership and messaging timings to a silo of a cluster, and the retry of calls a stopping silo
    /// rejected (<see cref="RejectedCallRetry"/>).</summary>
    public static ISiloBuilder UseClusterTimings(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.UseSingleSiloTimings();
        silo.AddOutgoingGrainCallFilter<RejectedCallRetry>(); // a call a stopping silo refused is sent again
        return silo;
    }

    /// <summary>The timings of <see cref="UseClusterTimings(ISiloBuilder)"/> without the retry of rejected calls, for a silo
    /// that is the whole cluster (the embedded gateway): there is no other silo to send a rejected call to, and an outgoing
    /// call filter costs every call (the local-calls benchmark: 916 instead of 1,416 bytes and 3.1–3.5 instead of 4.4–4.7 µs
    /// of CPU per call).</summary>
    public static ISiloBuilder UseSingleSiloTimings(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
            o.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(10);
        });
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
        return silo;
    }

    /// <summary>Applies the call timings to a client (the gateway in cluster mode).</summary>
    public static IClientBuilder UseClusterTimings(this IClientBuilder client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ClientResponseTimeout);
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        client.AddOutgoingGrainCallFilter<RejectedCallRetry>(); // a call a stopping silo refused is sent again
        return client;
    }
}
