using Rayswarm.Grains.Providers;

namespace Rayswarm.Benchmarks;

/// <summary>A subscriber of the events scenario (the streams deliver to it as an <see cref="IEventConsumer"/>).</summary>
public interface IEventSinkGrain : IGrainWithIntegerKey, IEventConsumer;
