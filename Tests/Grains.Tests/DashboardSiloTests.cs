using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace Rayswarm.Grains.Tests;

/// <summary>What <see cref="ClusterDashboard.AddClusterDashboard(ISiloBuilder, ClusterDashboardOptions?)"/> leaves on a silo.</summary>
public sealed class DashboardSiloTests
{
    private static IServiceCollection Services(ClusterDashboardOptions? options)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo.UseLocalhostClustering().AddClusterDashboard(options));
        return builder.Services;
    }

    private static int FromDashboard<T>(IServiceCollection services) =>
        services.Count(d => d.ServiceType == typeof(T)
            && (d.ImplementationType ?? d.ImplementationFactory?.Method.ReturnType)?.Assembly == typeof(DashboardOptions).Assembly);

    [Fact]
    public void By_default_the_dashboard_adds_no_grain_call_filter_and_no_silo_counters()
    {
        var services = Services(null);

        Assert.Equal(0, FromDashboard<IIncomingGrainCallFilter>(services));
        Assert.Equal(0, FromDashboard<IHostedService>(services));
        using var provider = services.BuildServiceProvider();
        Assert.DoesNotContain(provider.GetServices<ILoggerProvider>(), p => p.GetType().Assembly == typeof(DashboardOptions).Assembly); // no log stream
        Assert.Contains(services, d => d.ServiceType == typeof(IConfigureOptions<DashboardOptions>));
    }

    [Fact]
    public void Options_keep_the_call_profiler_or_the_counters()
    {
        Assert.Equal(1, FromDashboard<IIncomingGrainCallFilter>(Services(new ClusterDashboardOptions { ProfileGrainCalls = true })));
        Assert.Equal(1, FromDashboard<IHostedService>(Services(new ClusterDashboardOptions { SiloCounters = true })));
        using var provider = Services(null).BuildServiceProvider();
        Assert.NotEmpty(provider.GetServices<ILoggerProvider>()); // only the dashboard's is taken out
    }

    [Fact]
    public void The_dashboard_samples_every_five_seconds_keeps_ten_minutes_and_streams_no_logs()
    {
        var options = Services(null).BuildServiceProvider().GetRequiredService<IOptions<DashboardOptions>>().Value;

        Assert.Equal((5000, 120, true), (options.CounterUpdateIntervalMs, options.HistoryLength, options.HideTrace));
    }
}
