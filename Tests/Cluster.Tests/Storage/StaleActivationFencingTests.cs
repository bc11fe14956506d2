using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using Rayswarm.Cluster.TestGrains;
using Rayswarm.Grains.Providers;

namespace Rayswarm.Cluster.Tests;

/// <summary>
/// "Two activations of one workflow must never both commit a step": Orleans keeps one activation per grain, but across a
/// split (a silo declared dead that still runs) two may exist for a moment. Our answer is the storage's ETag fence: a write
/// must name the version it read, so the activation that read stale state is refused and never overwrites the other's
/// commit. Shown with two silos of two separate clusters on one PostgreSQL grain storage: each has its own activation of
/// the same grain, as two sides of a split would.
/// </summary>
[Trait("Category", "Slow")]
public sealed class StaleActivationFencingTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task The_activation_that_read_stale_state_is_refused_when_it_writes_and_its_successor_reads_the_commit()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var left = await FencingSilo.StartAsync(database, "left");
        await using var right = await FencingSilo.StartAsync(database, "right");
        var key = "fenced-" + Guid.NewGuid().ToString("N");
        var onLeft = left.Grains.GetGrain<ICounterGrain>(key);
        var onRight = right.Grains.GetGrain<ICounterGrain>(key);

        // Both activations read the same (empty) state; then one commits.
        var leftFirst = await onLeft.Get().Within();
        var rightFirst = await onRight.Get().Within();
        Assert.NotEqual(leftFirst.Activation, rightFirst.Activation);
        Assert.Equal(1, (await onLeft.Increment().Within()).Value);

        // The other's write names the version it read, which is no longer the stored one: refused, nothing overwritten.
        await Assert.ThrowsAsync<InconsistentStateException>(() => onRight.Increment().Within());
        Assert.Equal(1, (await onLeft.Get().Within()).Value);

        // Orleans drops the refused activation; the next one reads the commit and carries on from it ...
        var next = await onRight.Increment().Within();
        Assert.NotEqual(rightFirst.Activation, next.Activation);
        Assert.Equal(2, next.Value);
        // ... and now the left one is behind, and refused in turn: whichever side is stale cannot commit.
        await Assert.ThrowsAsync<InconsistentStateException>(() => onLeft.Increment().Within());
        Assert.Equal(3, (await onLeft.Increment().Within()).Value);
    }

    /// <summary>A lone silo (its own cluster id, the same service id) whose "Default" grain storage is the PostgreSQL one.</summary>
    private sealed class FencingSilo : IAsyncDisposable
    {
        private readonly IHost _host;

        private FencingSilo(IHost host) => _host = host;

        public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

        public static async Task<FencingSilo> StartAsync(string postgres, string clusterId)
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Logging.ClearProviders();
            builder.UseOrleans(silo => silo
                .UseLocalhostClustering(siloPort: FreePorts.Loopback(), gatewayPort: FreePorts.Loopback(), serviceId: "fencing", clusterId: clusterId)
                .AddPostgresGrainStorage("Default", postgres));
            var host = builder.Build();
            await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
            return new FencingSilo(host);
        }

        public async ValueTask DisposeAsync()
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }
}
