namespace Rayswarm.Grains.Providers;

/// <summary>One page of history; pass <see cref="NextPosition"/> as the next call's afterPosition; <see cref="HasMore"/> when the page was full.</summary>
[GenerateSerializer, Immutable, Alias("rayswarm.streams.StreamHistoryPage")]
public sealed record StreamHistoryPage(IReadOnlyList<StreamEvent> Events, long NextPosition, bool HasMore);
