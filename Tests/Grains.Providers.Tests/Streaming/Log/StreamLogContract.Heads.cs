namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>The head queries the silos poll, and subscriptions as the routers read them (any grain id, start position).</summary>
public abstract partial class StreamLogContract
{
    [Fact]
    public async Task The_head_position_is_the_newest_event_and_partition_heads_list_only_partitions_that_moved()
    {
        var log = await OpenAsync();
        Assert.Equal(0, await log.HeadPositionAsync(None));
        Assert.Empty(await log.ReadPartitionHeadsAsync(0, None));
        StreamId a = StreamId.Create("events", "a"), b = StreamId.Create("events", "b");
        Assert.NotEqual(StreamPartitions.Of(a), StreamPartitions.Of(b));

        var first = await AppendAsync(log, Event(a), Event(b), Event(a));
        var second = await AppendAsync(log, Event(a));

        Assert.Equal(second[0].Position, await log.HeadPositionAsync(None));
        Assert.Equal(
            [(StreamPartitions.Of(a), second[0].Position), (StreamPartitions.Of(b), first[1].Position)],
            (await log.ReadPartitionHeadsAsync(0, None)).OrderBy(h => h.Partition != StreamPartitions.Of(a)));
        Assert.Equal([(StreamPartitions.Of(a), second[0].Position)], await log.ReadPartitionHeadsAsync(first[^1].Position, None));
        Assert.Empty(await log.ReadPartitionHeadsAsync(second[0].Position, None));
    }

    [Fact]
    public async Task A_subscription_keeps_its_start_position_and_any_kind_of_subscriber_id()
    {
        var log = await OpenAsync();
        GrainId[] subscribers = [GrainId.Create("audit", "text/key with spaces"), GrainId.Create("counter", "42"), GrainId.Create("guid", Guid.NewGuid().ToString("N") + "+ext")];

        var added = new List<StreamSubscription>();
        for (var i = 0; i < subscribers.Length; i++)
        {
            added.Add(await log.AddSubscriptionAsync(new StreamSubscription("s" + i, "events", "ml.*", subscribers[i], Created.AddSeconds(i), StartPosition: 100 + i), None));
        }

        Assert.Equal(added, await log.ReadSubscriptionsAsync(None));
        Assert.Equal(subscribers, (await log.ReadSubscriptionsAsync(None)).Select(s => s.Subscriber));
    }
}
