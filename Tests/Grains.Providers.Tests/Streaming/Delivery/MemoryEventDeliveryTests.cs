namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>Delivery over the in-memory log (both silos share the instance).</summary>
public sealed class MemoryEventDeliveryTests(MemoryClusterFixture fixture) : EventDeliveryContract(fixture), IClassFixture<MemoryClusterFixture>;
