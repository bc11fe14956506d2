using Xunit.Abstractions;

namespace Rayswarm.Cluster.Tests;

/// <summary>The short chaos run (issue 16): 30 s of mixed load through a cluster-mode gateway over three Silo processes on
/// PostgreSQL while a random silo is killed with SIGKILL (and replaced) every 9 s. Nothing acknowledged may be lost, no
/// workflow may hang or end otherwise than meant, rollbacks leave nothing behind, the list agrees with the workflows, and no
/// request gets a 5xx other than 503. <c>dotnet run -c Release --project Benchmarks -- chaos</c> is the long version.</summary>
[Trait("Category", "Slow")]
[Collection(SiloProcesses.Name)]
public sealed class ChaosTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_silos_under_mixed_load_loses_nothing_acknowledged_and_leaves_every_workflow_as_meant()
    {
        var options = new ChaosOptions
        {
            Duration = TimeSpan.FromSeconds(30),
            KillEvery = TimeSpan.FromSeconds(9),
            DrainDeadline = TimeSpan.FromSeconds(30),
        };
        var result = await ChaosRun.RunAsync(options, line => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}"));
        var figures = result.Figures;
        try
        {
            // The run did what it claims, so zeros below mean something.
            Assert.True(figures.Kills >= 2, $"{figures.Kills} kills");
            Assert.True(figures.EventsAcked > 0 && figures.ContributionsAcked > 0 && figures.Workflows > 0, figures.ToString());
            var failed = figures.Goals().Where(g => g.Value != 0).Select(g => $"{g.Key} {g.Value}").ToArray();
            Assert.True(failed.Length == 0, $"not 0: {string.Join(", ", failed)}\n{string.Join("\n", result.ErrorSamples)}");
        }
        catch
        {
            foreach (var (process, text) in result.Outputs) { output.WriteLine($"--- {process} ---\n{text}"); }
            throw;
        }
    }
}
