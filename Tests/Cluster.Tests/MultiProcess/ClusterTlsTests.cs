using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Rayswarm.Cluster.TestGrains;
using Xunit.Abstractions;

namespace Rayswarm.Cluster.Tests;

/// <summary>A cluster whose silos require TLS with one cluster certificate (a self-signed one made for the run).</summary>
public sealed class TlsSiloCluster : SiloCluster
{
    private X509Certificate2? _clientCertificate;

    public TestCertificate Certificate { get; } = TestCertificate.Create("cluster");

    /// <summary>A certificate of the same shape that is not the cluster's.</summary>
    public TestCertificate Other { get; } = TestCertificate.Create("other");

    protected override IEnumerable<string> ExtraArguments => Certificate.Arguments;

    public override X509Certificate2 ClientCertificate => _clientCertificate ??= Certificate.Load();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _clientCertificate?.Dispose();
        Certificate.Dispose();
        Other.Dispose();
    }
}

/// <summary>Silo links and client links with the cluster certificate (<c>--tls-certificate</c>): members and clients that have
/// it get in, processes without it (or with another) do not; and a silo off loopback will not run in the clear by accident.</summary>
[Trait("Category", "Slow")]
[Collection(SiloProcesses.Name)]
public sealed class ClusterTlsTests(TlsSiloCluster cluster, ITestOutputHelper output)
    : SiloClusterTests<TlsSiloCluster>(cluster, output), IClassFixture<TlsSiloCluster>
{
    [Fact]
    public async Task Silos_with_the_cluster_certificate_form_a_cluster_and_serve_a_client_that_has_it()
    {
        await Cluster.EnsureSilosAsync(2);
        await using var client = await Cluster.ConnectAsync();

        await Eventually.True(async () => (await client.ActiveSilosAsync()).Length == 2, "both silos active");
        var served = new List<Served>();
        for (var i = 0; i < 20; i++) { served.Add(await client.GetGrain<ICounterGrain>($"tls-{i}").Increment().Within()); }
        Assert.All(served, s => Assert.Equal(1, s.Value));
        // Both silos serve grains, so they also reached each other (placement and the directory span the two). Random
        // placement: 40 grains all on one silo would happen once in 10^11 runs (the default placement may pick one silo).
        var silos = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 40; i++) { silos.Add(await client.Client.GetGrain<IPingGrain>(i).Silo().Within()); }
        Assert.Equal(2, silos.Select(Cluster.Find).Distinct().Count());
        Assert.Equal("tls-0>tls-1>tls-2>tls-3", await client.GetGrain<ICounterGrain>("tls-0").Follow(["tls-1", "tls-2", "tls-3"]).Within());
    }

    [Fact]
    public async Task A_silo_without_the_cluster_certificate_or_with_another_cannot_join()
    {
        await Cluster.EnsureSilosAsync(2);
        string[] plain = [.. Cluster.Arguments().TakeWhile(a => a != "--tls-certificate")];
        var intruders = await Task.WhenAll(
            Cluster.StartAsync(plain, waitReady: false),
            Cluster.StartAsync([.. plain, .. Cluster.Other.Arguments], waitReady: false));

        // Joining, a silo first checks that it reaches every active member; the TLS handshakes fail, so it stays outside
        // (Orleans keeps trying for minutes, then gives up and stops).
        foreach (var intruder in intruders)
        {
            await Eventually.True(() => intruder.HasExited || intruder.Output.Contains("Failed to get ping responses", StringComparison.Ordinal),
                $"intruder {intruder.SiloPort} refused by the members", 90_000);
            Assert.False(intruder.IsReady, "the intruder reported ready");
        }
        await using var client = await Cluster.ConnectAsync();
        Assert.Equal(2, (await client.ActiveSilosAsync().Within()).Length);
        Assert.Equal(1, (await client.GetGrain<ICounterGrain>("after-intruders").Increment().Within()).Value);
        Assert.All(intruders, i => Assert.False(i.IsReady));
        await Task.WhenAll(intruders.Select(i => i.DisposeAsync().AsTask()));
        Assert.Equal(2, Cluster.Live.Count);
    }

    [Fact]
    public async Task A_client_without_the_cluster_certificate_or_with_another_cannot_connect()
    {
        await Cluster.EnsureSilosAsync(1);
        using var other = Cluster.Other.Load();
        var attempts = new[] { null, other }.Select(async certificate =>
        {
            var error = await Record.ExceptionAsync(async () =>
            {
                await using var client = await ClusterClientHost.ConnectAsync(Cluster.Database, Cluster.ClusterId, certificate, timeoutMs: 15_000);
                await client.GetGrain<ICounterGrain>("no-entry").Increment().Within(15_000);
            });
            Log($"client {(certificate is null ? "without a certificate" : "with another certificate")}: {error?.GetType().Name}: {error?.Message}");
            return error;
        });

        Assert.All(await Task.WhenAll(attempts), Assert.NotNull);
        await using var member = await Cluster.ConnectAsync();
        Assert.Equal(0, (await member.GetGrain<ICounterGrain>("no-entry").Get().Within()).Value);
    }

    [Fact]
    public async Task A_silo_binding_off_loopback_without_a_certificate_refuses_to_start_unless_insecure()
    {
        // The refusal comes before the silo binds anything, so any address off loopback shows it; one of this machine's
        // lets the --insecure silo start for real.
        var local = MachineAddress();
        var host = (local ?? IPAddress.Parse("203.0.113.1")).ToString(); // else a documentation address (TEST-NET-3)
        string[] alone = ["--postgres", Cluster.Database, "--cluster-id", "off-loopback-" + Guid.NewGuid().ToString("N")[..8], "--secret", SiloCluster.Secret, "--host", host];

        var refused = await Cluster.StartAsync(alone, waitReady: false);
        Assert.NotEqual(0, await refused.WaitForExitAsync());
        Log(refused.Output);
        Assert.Contains($"The silo binds {host}, off loopback", refused.Output, StringComparison.Ordinal);
        Assert.Contains("--tls-certificate", refused.Output, StringComparison.Ordinal);
        Assert.Contains("--insecure", refused.Output, StringComparison.Ordinal);
        Assert.False(refused.IsReady);

        if (local is null)
        {
            Log("no address off loopback on this machine: the --insecure start is not tried");
            return;
        }
        var insecure = await Cluster.StartAsync([.. alone, "--insecure"]);
        await Eventually.True(() => insecure.Output.Contains("NOT encrypted", StringComparison.Ordinal), "the --insecure silo warns");
        await insecure.DisposeAsync();
    }

    private static IPAddress? MachineAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}
