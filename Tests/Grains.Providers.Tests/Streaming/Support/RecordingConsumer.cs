namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>Records each event in <see cref="Deliveries"/> under its key, failing first as <see cref="Deliveries.FailFirst"/> says.</summary>
public sealed class RecordingConsumer : Grain, IRecordingConsumer
{
    public Task OnEvent(string subscription, StreamEvent streamEvent)
    {
        var key = this.GetPrimaryKeyString();
        Deliveries.CountAttempt(key, streamEvent);
        if (Deliveries.ShouldFail(key, streamEvent)) { throw new InvalidOperationException($"{key} refuses event {streamEvent.Sequence} of {streamEvent.Stream}"); }
        Deliveries.Record(key, subscription, streamEvent);
        return Task.CompletedTask;
    }
}
