using System.Globalization;
using System.Text.Json.Nodes;

namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>The <see cref="IStreamLog"/> contract, run against every log. Publish times are at millisecond precision.</summary>
public abstract partial class StreamLogContract : IAsyncLifetime
{
    private readonly List<IStreamLog> _opened = [];
    private int _nextEvent;

    protected static CancellationToken None => CancellationToken.None;

    /// <summary>
    /// A log over this test's store (fresh for every test), using the system clock. A second call is a restart: a new
    /// instance on the same data (an in-memory log, whose data is the instance, may return the same one).
    /// </summary>
    protected abstract Task<IStreamLog> CreateAsync();

    /// <inheritdoc />
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        foreach (var log in _opened.Distinct())
        {
            if (log is IAsyncDisposable disposable) { await disposable.DisposeAsync(); }
        }
    }

    protected async Task<IStreamLog> OpenAsync()
    {
        var log = await CreateAsync();
        _opened.Add(log);
        await log.InitializeAsync(None);
        return log;
    }

    protected NewStreamEvent Event(StreamId stream, string? data = null)
    {
        var n = Interlocked.Increment(ref _nextEvent);
        return new NewStreamEvent(stream, "evt-" + Guid.NewGuid().ToString("N"), data ?? string.Create(CultureInfo.InvariantCulture, $$"""{"n":{{n}}}"""));
    }

    protected static async Task<IReadOnlyList<StoredStreamEvent>> AppendAsync(IStreamLog log, params NewStreamEvent[] events) => await log.AppendAsync(events, None);

    /// <summary>Waits until the system clock is past <paramref name="time"/> at millisecond precision, so later appends are published later.</summary>
    protected static Task WaitPastAsync(DateTimeOffset time) =>
        Eventually.True(() => DateTimeOffset.UtcNow > time.AddMilliseconds(2), $"the clock to pass {time:O}");

    protected static void AssertSameJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"Expected JSON {expected} but got {actual}");

    protected static IEnumerable<long> Positions(IEnumerable<StoredStreamEvent> events) => events.Select(e => e.Position);

    protected static IEnumerable<string> Ids(IEnumerable<StoredStreamEvent> events) => events.Select(e => e.Event.EventId);

    protected static IEnumerable<string> Ids(IEnumerable<NewStreamEvent> events) => events.Select(e => e.EventId);

    protected static DateTimeOffset Milliseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
