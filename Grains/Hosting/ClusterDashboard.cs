using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace Rayswarm.Grains;

/// <summary>
/// The Orleans dashboard (Microsoft.Orleans.Dashboard) on our hosts, at a low cost. Every silo adds it so the dashboard can
/// ask each one for its figures; the host that serves the pages (the gateway) maps them with <c>MapOrleansDashboard</c>.
/// <para>What it costs, read from the package's source: a timer per silo that samples the silo's runtime statistics every
/// <see cref="CounterUpdateInterval"/>; a dashboard grain that refreshes the cluster's grain counts at most that often while
/// someone polls it; a listener on Orleans' meter, read every second, which turns on Orleans' own message counters; and an
/// incoming grain call filter (its grain profiler) on every call of every grain. That filter times each call while the
/// dashboard was polled in the last minute, and even when idle it makes every call go through the filter pipeline (the
/// local-calls benchmark measured one outgoing filter at +500 bytes and +1.3 µs of CPU per call, a quarter of the
/// throughput), so it is taken out unless <see cref="ClusterDashboardOptions.ProfileGrainCalls"/> asks for it: the dashboard
/// then shows silos, grain types, activations and silo counters, but no calls per second or latency per grain method.</para>
/// </summary>
public static class ClusterDashboard
{
    /// <summary>How often each silo samples its statistics and the dashboard refreshes the cluster's grain counts (the
    /// package's default is 1 s).</summary>
    public static readonly TimeSpan CounterUpdateInterval = TimeSpan.FromSeconds(5);

    /// <summary>How many samples the dashboard keeps per silo (120 × 5 s = 10 minutes of history).</summary>
    public const int HistoryLength = 120;

    /// <summary>The dashboard on a silo, with what <paramref name="options"/> leaves of its costs (default: no call profiler).</summary>
    public static ISiloBuilder AddClusterDashboard(this ISiloBuilder silo, ClusterDashboardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        options ??= new ClusterDashboardOptions();
        silo.AddDashboard(Configure);
        var removed = silo.Services.Where(d =>
            (d.ServiceType == typeof(IIncomingGrainCallFilter) && !options.ProfileGrainCalls && IsTheDashboards(d))
            // The package's start-up service: it starts the meter listener, names the versions and warms up its grain.
            || (d.ServiceType == typeof(IHostedService) && !options.SiloCounters && IsTheDashboards(d)))
            .ToList();
        removed.ForEach(d => silo.Services.Remove(d));
        return silo;
    }

    /// <summary>Whether the package registered this service (its implementation type, or what its factory returns, is the
    /// package's own).</summary>
    private static bool IsTheDashboards(ServiceDescriptor descriptor) =>
        (descriptor.ImplementationType ?? descriptor.ImplementationFactory?.Method.ReturnType)?.Assembly == typeof(DashboardOptions).Assembly;

    /// <summary>The dashboard on a client host that serves its pages (the gateway in cluster mode); the silos must add it too.</summary>
    public static IClientBuilder AddClusterDashboard(this IClientBuilder client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.AddDashboard(Configure);
    }

    /// <summary>Our settings of the package's options. The live log stream stays off: it would format every log line of the
    /// host for a viewer, and logs have their own pipeline.</summary>
    private static void Configure(DashboardOptions options)
    {
        options.CounterUpdateIntervalMs = (int)CounterUpdateInterval.TotalMilliseconds;
        options.HistoryLength = HistoryLength;
        options.HideTrace = true;
    }
}
