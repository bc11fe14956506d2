namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>A subscriber that records what it receives (see <see cref="Deliveries"/>).</summary>
public interface IRecordingConsumer : IEventConsumer, IGrainWithStringKey;
