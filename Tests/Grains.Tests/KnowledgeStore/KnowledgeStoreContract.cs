using System.Text.Json;
using System.Text.Json.Nodes;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>The <see cref="IKnowledgeStore"/> contract, run against SQLite and PostgreSQL, each test on a fresh database.</summary>
public abstract partial class KnowledgeStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);
    private readonly List<IKnowledgeStore> _opened = [];
    private int _next;

    /// <summary>A store over this test's database; a second call is a restart (a new instance on the same data).</summary>
    protected abstract Task<IKnowledgeStore> CreateAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            if (store is IAsyncDisposable disposable) { await disposable.DisposeAsync(); }
        }
    }

    protected async Task<IKnowledgeStore> OpenAsync()
    {
        var store = await CreateAsync();
        _opened.Add(store);
        return store;
    }

    /// <summary>A new contribution, each later than the previous one.</summary>
    protected Contribution New(string domain, string type, string contentJson, double confidence = MemoryConfidence.Initial)
    {
        var n = Interlocked.Increment(ref _next);
        var at = Start.AddSeconds(n);
        return new Contribution($"c{n:D4}", domain, type, Json(contentJson), confidence, 0, 0, [], [], 0, 0, 0, at, at);
    }

    protected static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    protected static async Task<Contribution[]> AddAsync(IKnowledgeStore store, params Contribution[] contributions)
    {
        foreach (var c in contributions) { await store.AddAsync(c); }
        return contributions;
    }

    protected static async Task<string[]> FindAsync(IKnowledgeStore store, string? text, double minConfidence = 0, string? type = null, string? domain = null, int limit = 20) =>
        [.. (await store.QueryAsync(new MemoryQuery(text, minConfidence, type, domain, limit))).Select(m => m.Contribution.ContributionId)];

    protected static void AssertSame(Contribution expected, Contribution? actual)
    {
        Assert.NotNull(actual);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected.Content.GetRawText()), JsonNode.Parse(actual.Content.GetRawText())),
            $"content {expected.Content} != {actual.Content}");
        Assert.Equal(expected with { Content = default }, actual with { Content = default }, ContributionComparer.Instance);
    }

    /// <summary>Record equality, with the lists compared by their items.</summary>
    private sealed class ContributionComparer : IEqualityComparer<Contribution>
    {
        public static readonly ContributionComparer Instance = new();

        public bool Equals(Contribution? x, Contribution? y) =>
            x is not null && y is not null
            && x with { VerifiedBy = [], RejectedBy = [] } == y with { VerifiedBy = [], RejectedBy = [] }
            && x.VerifiedBy.SequenceEqual(y.VerifiedBy) && x.RejectedBy.SequenceEqual(y.RejectedBy);

        public int GetHashCode(Contribution obj) => obj.ContributionId.GetHashCode(StringComparison.Ordinal);
    }
}
