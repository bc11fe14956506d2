using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>What the streams answer while a silo stops: a transient <see cref="ClusterUnavailableException"/> that callers retry,
/// not a disposed object or an internal error.</summary>
public sealed class StoppingSiloTests
{
    [Fact]
    public async Task A_publish_that_meets_a_stopped_event_log_is_ClusterUnavailable_and_transient()
    {
        var silo = await EventsSilo.StartAsync();
        var streams = silo.Streams;
        await streams.PublishDomainEventAsync(new PublishRequest("stop.before", "stopper"));

        await silo.DisposeAsync(); // stops the silo and disposes its services, the event log's runtime with them

        var failure = await Assert.ThrowsAsync<ClusterUnavailableException>(() => streams.PublishDomainEventAsync(new PublishRequest("stop.after", "stopper")));
        Assert.True(TransientFailures.IsTransient(failure));
        Assert.IsType<EventLogStoppedException>(failure.InnerException);
        Assert.Contains("stop.after", failure.Message, StringComparison.Ordinal);
        Assert.Contains("was not stored", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_silo_serves_from_the_end_of_its_start_until_its_stop_begins()
    {
        var silo = await EventsSilo.StartAsync();
        var state = silo.Host.Services.GetRequiredService<SiloRunState>();
        try
        {
            Assert.True(state.IsServing);

            silo.Host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

            Assert.False(state.IsServing);
        }
        finally
        {
            await silo.DisposeAsync();
        }
        Assert.False(state.IsServing);
    }

    [Theory]
    [InlineData(typeof(ObjectDisposedException), false, true)]
    [InlineData(typeof(InvalidOperationException), false, true)]
    [InlineData(typeof(OperationCanceledException), false, true)]
    [InlineData(typeof(ObjectDisposedException), true, false)]
    [InlineData(typeof(InvalidOperationException), true, false)]
    [InlineData(typeof(ArgumentException), false, false)]
    [InlineData(typeof(KeyNotFoundException), false, false)]
    [InlineData(typeof(NullReferenceException), false, false)]
    public void A_stream_failure_is_the_cluster_being_unavailable_only_when_the_silo_does_not_serve(Type exception, bool serving, bool unavailable)
    {
        var failure = (Exception)Activator.CreateInstance(exception, "failed")!;

        Assert.Equal(unavailable, StreamFailures.IsUnavailable(failure, serving));
    }

    [Fact]
    public void A_stopped_event_log_is_the_cluster_being_unavailable_even_while_the_silo_serves()
    {
        Assert.True(StreamFailures.IsUnavailable(new EventLogStoppedException("stopped"), siloServing: true));
    }
}
