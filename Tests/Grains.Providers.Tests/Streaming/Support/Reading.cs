namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>A test payload.</summary>
[GenerateSerializer, Immutable]
public sealed record Reading(string Sensor, int Value);
