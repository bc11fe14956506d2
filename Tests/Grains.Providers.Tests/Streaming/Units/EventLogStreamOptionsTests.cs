namespace Rayswarm.Grains.Providers.Tests.Streaming;

public sealed class EventLogStreamOptionsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        var options = new EventLogStreamOptions();
        Assert.True(new EventLogStreamOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.PollPeriod);
        Assert.Equal(TimeSpan.FromMilliseconds(10), options.PumpPeriod);
        Assert.Equal(512, options.BatchSize);
        Assert.Equal(4096, options.MaxInFlightPerPartition);
        Assert.Equal(5, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(10), options.DeliveryTimeout);
        Assert.Equal("Rayswarm:Streams", EventLogStreamOptions.SectionName);
    }

    [Fact]
    public void Invalid_settings_fail_naming_each_setting()
    {
        var result = new EventLogStreamOptionsValidator().Validate(null, new EventLogStreamOptions { BatchSize = 0, PollPeriod = TimeSpan.Zero, PumpPeriod = TimeSpan.Zero, MaxAttempts = -1, DeliveryTimeout = TimeSpan.Zero });
        Assert.True(result.Failed);
        Assert.Contains("EventLogStreamOptions.BatchSize", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("EventLogStreamOptions.PollPeriod", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("EventLogStreamOptions.PumpPeriod", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("EventLogStreamOptions.MaxAttempts", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("EventLogStreamOptions.DeliveryTimeout", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_stream_maps_to_the_queue_of_the_partition_the_log_writes_it_to()
    {
        var mapper = new EventLogQueueMapper(EventLogStreams.ProviderName);
        var queues = mapper.GetAllQueues().ToArray();

        Assert.Equal(StreamPartitions.Count, queues.Length);
        Assert.Equal(StreamPartitions.Count, queues.Select(q => q.GetUniformHashCode()).Distinct().Count());
        for (var i = 0; i < 500; i++)
        {
            var stream = StreamId.Create("events", "key." + i);
            Assert.Equal(StreamPartitions.Of(stream), EventLogQueueMapper.PartitionOf(mapper.GetQueueForStream(stream)));
        }
    }
}
