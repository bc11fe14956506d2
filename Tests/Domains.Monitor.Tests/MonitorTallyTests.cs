using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Domains.Monitor.Tests;

/// <summary>The monitor's counting: once per event, per type and source, redeliveries ignored, bounded recent lists.</summary>
public sealed class MonitorTallyTests
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private static DomainEvent Event(string type, string source, long position, string? data = null) =>
        new($"ev-{position}", type, source, JsonSerializer.SerializeToElement(JsonDocument.Parse(data ?? "{}").RootElement),
            s_start.AddSeconds(position), position);

    [Fact]
    public void Events_are_counted_per_type_and_per_source_with_the_newest_last_seen()
    {
        var state = new MonitorState();

        Assert.True(MonitorTally.Record(state, Event("healing.completed", "healing", 1)));
        Assert.True(MonitorTally.Record(state, Event("healing.completed", "guardian", 2)));
        Assert.True(MonitorTally.Record(state, Event("x.failed", "healing", 3)));

        Assert.Equal((3, 0), (state.Total, state.Duplicates));
        Assert.Equal((2, s_start.AddSeconds(2), 2L), (state.Types["healing.completed"].Count, state.Types["healing.completed"].LastSeen, state.Types["healing.completed"].LastPosition));
        Assert.Equal(1, state.Types["x.failed"].Count);
        Assert.Equal((2, s_start.AddSeconds(3)), (state.Sources["healing"].Count, state.Sources["healing"].LastSeen));
        Assert.Equal(1, state.Sources["guardian"].Count);
        Assert.Equal(["ev-3", "ev-2", "ev-1"], state.Recent.Select(e => e.EventId));
    }

    [Fact]
    public void A_redelivered_event_is_counted_once_as_a_duplicate()
    {
        var state = new MonitorState();
        var first = Event("workflow.completed", "workflows", 10);

        MonitorTally.Record(state, first);
        MonitorTally.Record(state, Event("workflow.completed", "workflows", 11));
        var again = MonitorTally.Record(state, first);
        var older = MonitorTally.Record(state, Event("workflow.completed", "workflows", 9));
        var otherType = MonitorTally.Record(state, Event("healing.completed", "healing", 5));

        Assert.False(again);
        Assert.False(older); // at or below the newest counted of its type: delivered before (each type arrives in order)
        Assert.True(otherType); // positions are compared per type
        Assert.Equal((3, 2), (state.Total, state.Duplicates));
        Assert.Equal(2, state.Types["workflow.completed"].Count);
        Assert.Equal(2, state.Sources["workflows"].Count);
    }

    [Theory]
    [InlineData("x.failed", true)]
    [InlineData("workflow.step.failed", true)]
    [InlineData("workflow.rolled_back", true)]
    [InlineData("healing.completed", false)]
    [InlineData("x.failed_once", false)]
    [InlineData("failedx.completed", false)]
    public void Failures_are_the_types_whose_last_segment_is_failed_or_rolled_back(string type, bool failure) =>
        Assert.Equal(failure, MonitorTally.IsFailure(type));

    [Fact]
    public void Failures_keep_their_data_and_the_recent_lists_are_bounded()
    {
        var state = new MonitorState();
        var big = "{\"blob\": \"" + new string('a', MonitorTally.MaxFailureDataBytes) + "\"}";

        for (var i = 1; i <= MonitorTally.MaxRecent + 20; i++)
        {
            MonitorTally.Record(state, i % 2 == 0 ? Event("job.failed", "jobs", i, $$"""{"error": "boom {{i}}"}""") : Event("job.completed", "jobs", i));
        }
        MonitorTally.Record(state, Event("job.failed", "jobs", 1000, big));

        Assert.Equal(MonitorTally.MaxRecent + 21, state.Total);
        Assert.Equal(MonitorTally.MaxRecent, state.Recent.Count);
        Assert.Equal(MonitorTally.MaxRecentFailures, state.RecentFailures.Count);
        Assert.Null(state.RecentFailures[0].Data); // too large to keep
        Assert.Equal($"boom {MonitorTally.MaxRecent + 20}", state.RecentFailures[1].Data!.Value.GetProperty("error").GetString());
        Assert.All(state.Recent, e => Assert.Null(e.Data));
        Assert.Equal(61, state.Types["job.failed"].Count);
    }
}
