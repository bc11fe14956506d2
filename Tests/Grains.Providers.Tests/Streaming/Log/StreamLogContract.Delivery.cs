namespace Rayswarm.Grains.Providers.Tests.Streaming;

public abstract partial class StreamLogContract
{
    private static readonly DateTimeOffset Created = new(2026, 3, 4, 5, 6, 7, 891, TimeSpan.Zero);

    [Fact]
    public async Task A_cursor_starts_at_0_and_only_moves_forward()
    {
        var log = await OpenAsync();
        var stream = StreamId.Create("events", "orders");

        Assert.Equal(0, await log.ReadCursorAsync("sub-1", stream, None));
        await log.CommitCursorAsync("sub-1", stream, 5, None);
        await log.CommitCursorAsync("sub-1", stream, 3, None);
        await log.CommitCursorAsync("sub-2", stream, 1, None);
        await log.CommitCursorAsync("sub-1", StreamId.Create("events", "other"), 9, None);

        Assert.Equal(5, await log.ReadCursorAsync("sub-1", stream, None));
        Assert.Equal(1, await log.ReadCursorAsync("sub-2", stream, None));
        Assert.Equal(9, await log.ReadCursorAsync("sub-1", StreamId.Create("events", "other"), None));
        await log.CommitCursorAsync("sub-1", stream, 7, None);
        Assert.Equal(7, await log.ReadCursorAsync("sub-1", stream, None));
    }

    [Fact]
    public async Task A_checkpoint_starts_at_0_and_only_moves_forward()
    {
        var log = await OpenAsync();

        Assert.Equal(0, await log.ReadCheckpointAsync(3, None));
        await log.CommitCheckpointAsync(3, 100, None);
        await log.CommitCheckpointAsync(3, 50, None);
        await log.CommitCheckpointAsync(4, 10, None);

        Assert.Equal(100, await log.ReadCheckpointAsync(3, None));
        Assert.Equal(10, await log.ReadCheckpointAsync(4, None));
        await log.CommitCheckpointAsync(3, 101, None);
        Assert.Equal(101, await log.ReadCheckpointAsync(3, None));
    }

    [Fact]
    public async Task Adding_a_subscription_is_idempotent_on_namespace_pattern_and_subscriber()
    {
        var log = await OpenAsync();
        var first = new StreamSubscription("sub-1", "events", "ml.*", GrainId.Create("audit", "a1"), Created);

        Assert.Equal(first, await log.AddSubscriptionAsync(first, None));
        var again = await log.AddSubscriptionAsync(first with { Id = "sub-1-retry", CreatedAt = Created.AddMinutes(1) }, None);
        var other = new StreamSubscription("sub-2", "events", "ml.#", GrainId.Create("audit", "a1"), Created.AddSeconds(1));
        await log.AddSubscriptionAsync(other, None);

        Assert.Equal(first, again);
        Assert.Equal([first, other], await log.ReadSubscriptionsAsync(None));
    }

    [Fact]
    public async Task Removing_a_subscription_removes_its_cursors()
    {
        var log = await OpenAsync();
        var stream = StreamId.Create("events", "orders");
        var kept = new StreamSubscription("kept", "events", "*", GrainId.Create("audit", "k"), Created);
        await log.AddSubscriptionAsync(new StreamSubscription("gone", "events", "*", GrainId.Create("audit", "g"), Created), None);
        await log.AddSubscriptionAsync(kept, None);
        await log.CommitCursorAsync("gone", stream, 4, None);
        await log.CommitCursorAsync("kept", stream, 2, None);

        Assert.True(await log.RemoveSubscriptionAsync("gone", None));
        Assert.False(await log.RemoveSubscriptionAsync("gone", None));

        Assert.Equal([kept], await log.ReadSubscriptionsAsync(None));
        Assert.Equal(0, await log.ReadCursorAsync("gone", stream, None));
        Assert.Equal(2, await log.ReadCursorAsync("kept", stream, None));
    }

    [Fact]
    public async Task Dead_letters_read_newest_first_and_filter_by_subscription()
    {
        var log = await OpenAsync();
        var parked = new List<DeadLetter>();
        for (var i = 1; i <= 4; i++)
        {
            var streamEvent = new StreamEvent(StreamId.Create("events", "orders"), i, "evt-" + i, Created.AddSeconds(i), $$"""{"n":{{i}},"s":"é"}""");
            var letter = new DeadLetter(i % 2 == 0 ? "even" : "odd", streamEvent, "boom " + i, i + 2, Created.AddMinutes(i));
            await log.ParkAsync(letter, None);
            parked.Add(letter);
        }

        AssertSameLetters([parked[3], parked[2], parked[1], parked[0]], await log.ReadDeadLettersAsync(null, 10, false, None));
        AssertSameLetters([parked[3], parked[1]], await log.ReadDeadLettersAsync("even", 10, false, None));
        AssertSameLetters([parked[2]], await log.ReadDeadLettersAsync("odd", 1, false, None));
        Assert.Empty(await log.ReadDeadLettersAsync("none", 10, false, None));
    }

    [Fact]
    public async Task Dead_letters_read_oldest_first_and_a_removed_one_leaves_only_its_subscription()
    {
        var log = await OpenAsync();
        var parked = new List<DeadLetter>();
        for (var i = 1; i <= 3; i++)
        {
            var streamEvent = new StreamEvent(StreamId.Create("events", "orders"), i, "evt-" + i, Created.AddSeconds(i), $$"""{"n":{{i}}}""");
            foreach (var subscription in (string[])["replayed", "other"])
            {
                var letter = new DeadLetter(subscription, streamEvent, "boom " + i, 5, Created.AddMinutes(i));
                await log.ParkAsync(letter, None);
                if (subscription == "replayed") { parked.Add(letter); }
            }
        }
        await log.ParkAsync(parked[1] with { Error = "parked twice", ParkedAt = Created.AddMinutes(9) }, None); // a redelivery parked it again

        AssertSameLetters([parked[0], parked[1]], await log.ReadDeadLettersAsync("replayed", 2, true, None));
        Assert.Equal(2, await log.RemoveDeadLetterAsync("replayed", "evt-2", None));
        Assert.Equal(0, await log.RemoveDeadLetterAsync("replayed", "evt-2", None));
        Assert.Equal(0, await log.RemoveDeadLetterAsync("replayed", "evt-unknown", None));

        AssertSameLetters([parked[0], parked[2]], await log.ReadDeadLettersAsync("replayed", 10, true, None));
        Assert.Equal(["evt-3", "evt-2", "evt-1"], (await log.ReadDeadLettersAsync("other", 10, false, None)).Select(d => d.Event.EventId));
    }

    private static void AssertSameLetters(IReadOnlyList<DeadLetter> expected, IReadOnlyList<DeadLetter> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            AssertSameJson(expected[i].Event.Data, actual[i].Event.Data);
            Assert.Equal(expected[i], actual[i] with { Event = actual[i].Event with { Data = expected[i].Event.Data } });
        }
    }
}
