using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>Retracting a contribution through the grains: gone from get and search, announced once, idempotent.</summary>
public sealed class MemoryRetractTests : IAsyncLifetime
{
    private MemorySilo _silo = null!;

    public async Task InitializeAsync() => _silo = await MemorySilo.StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private static readonly RetractRequest s_why = new("superseded by a better fix");

    [Fact]
    public async Task A_retracted_contribution_is_gone_announced_once_and_retracting_again_is_harmless()
    {
        var content = JsonSerializer.SerializeToElement(new { issue = "retractable_widget", fix = "restart" });
        var kept = await _silo.Memory.Contribute(new ContributeRequest("ai_domain", "fix", content));
        var gone = await _silo.Memory.Contribute(new ContributeRequest("ai_domain", "fix", content));
        await _silo.Memory.Verify(gone.ContributionId, new VerifyRequest("data_domain")); // cached by its grain, then retracted

        Assert.True(await _silo.Memory.Retract(gone.ContributionId, s_why));
        Assert.False(await _silo.Memory.Retract(gone.ContributionId, s_why));
        Assert.False(await _silo.Memory.Retract("0123456789abcdef0123456789abcdef", s_why));

        await Assert.ThrowsAsync<KeyNotFoundException>(() => _silo.Memory.Get(gone.ContributionId));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _silo.Memory.Verify(gone.ContributionId, new VerifyRequest("ops_domain")));
        var found = await _silo.Memory.Query(new MemoryQuery("retractable widget"));
        Assert.Equal([kept.ContributionId], found.Results.Select(r => r.Contribution.ContributionId));
        Assert.Equal(1, (await _silo.Memory.GetStats()).TotalContributions);
        await Assert.ThrowsAsync<ArgumentException>(() => _silo.Memory.Retract("", s_why));
        var noReason = await Assert.ThrowsAsync<ArgumentException>(() => _silo.Memory.Retract(kept.ContributionId, new RetractRequest(" ")));
        Assert.Equal("reason", noReason.ParamName);
        await _silo.Memory.Get(kept.ContributionId); // still there

        var history = await _silo.Streams.ReadHistoryAsync(RegistryEvents.Namespace, MemoryEvents.Retracted);
        var retracted = Assert.Single(history.Events).As<JsonElement>();
        Assert.Equal(gone.ContributionId, retracted.GetProperty("contribution_id").GetString());
        Assert.Equal("ai_domain", retracted.GetProperty("source_domain").GetString());
        Assert.Equal("superseded by a better fix", retracted.GetProperty("reason").GetString());
    }
}
