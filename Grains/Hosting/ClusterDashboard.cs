using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
/// then shows silos, grain types and activations, but no calls per second or latency per grain method. The meter listener
/// enables every instrument of Orleans' meter, including the per-message ones our metrics leave off
/// (<see cref="OrleansMessageInstruments"/>), so it is taken out too unless <see cref="ClusterDashboardOptions.SiloCounters"/>
/// asks for it.</para>
/// </summary>
public static class ClusterDashboard
{
    /// <summary>How often each silo samples its statistics and the dashboard refreshes the cluster's grain counts (the
    /// package's default is 1 s).</summary>
    public static readonly TimeSpan CounterUpdateInterval = TimeSpan.FromSeconds(5);

    /// <summary>How many samples the dashboard keeps per silo (120 × 5 s = 10 minutes of history).</summary>
    public const int HistoryLength = 120;

    /// <summary>The dashboard on a silo, with what <paramref name="options"/> leaves of its costs (default: no call profiler, no
    /// silo counters).</summary>
    public static ISiloBuilder AddClusterDashboard(this ISiloBuilder silo, ClusterDashboardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        options ??= new ClusterDashboardOptions();
        silo.AddDashboard(Configure);
        var services = silo.Services;
        var dashboard = typeof(DashboardOptions).Assembly;
        // The package's start-up service: a hosted service (it warms up its grains and names the versions) that is also a silo
        // lifecycle participant, which starts a meter provider on Orleans' meter read every second (the silo counters).
        var host = services.FirstOrDefault(d => d.ServiceType.Assembly == dashboard && typeof(IHostedService).IsAssignableFrom(d.ServiceType))?.ServiceType;
        var removed = services.Where(d =>
            (d.ServiceType == typeof(IIncomingGrainCallFilter) && !options.ProfileGrainCalls && Resolves(d, dashboard))
            || (!options.SiloCounters && host is not null && d.ServiceType != host && Resolves(d, host))
            // The log stream's logger provider: the stream is off (HideTrace), so every log call would reach it for nothing.
            || (d.ServiceType == typeof(ILoggerProvider) && Resolves(d, dashboard)))
            .ToList();
        removed.ForEach(d => services.Remove(d));
        return silo;
    }

    /// <summary>Whether the service of <paramref name="descriptor"/> is (or is taken from) the package's <paramref name="assembly"/>:
    /// its implementation type, what its factory returns, or the type its factory resolves (Orleans' <c>AddFromExisting</c>
    /// registers a closure over the implementation's <see cref="Type"/>; tests catch a change of that shape).</summary>
    private static bool Resolves(ServiceDescriptor descriptor, Assembly assembly) =>
        Types(descriptor).Any(t => t.Assembly == assembly);

    /// <summary>Whether <paramref name="descriptor"/> resolves to <paramref name="type"/>.</summary>
    private static bool Resolves(ServiceDescriptor descriptor, Type type) => Types(descriptor).Contains(type);

    private static IEnumerable<Type> Types(ServiceDescriptor descriptor)
    {
        if (descriptor.IsKeyedService) { yield break; }
        if (descriptor.ImplementationType is { } implementation) { yield return implementation; }
        if (descriptor.ImplementationFactory?.Method is { } factory)
        {
            yield return factory.ReturnType;
        }
        if (descriptor.ImplementationFactory?.Target is { } closure)
        {
            foreach (var field in closure.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                if (field.GetValue(closure) is Type captured) { yield return captured; }
            }
        }
    }

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
