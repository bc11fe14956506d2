namespace Rayswarm.Grains.Interfaces;

/// <summary>One page of stored events, oldest first.</summary>
/// <param name="Events">The events, in position order.</param>
/// <param name="NextPosition">Pass as <see cref="EventHistoryQuery.After"/> to read on from where this page stopped.</param>
/// <param name="HasMore">Whether more matching events may follow (the page filled up, or the scan stopped at its budget).</param>
[GenerateSerializer, Immutable, Alias("rayswarm.EventHistoryPage")]
public sealed record EventHistoryPage(IReadOnlyList<DomainEvent> Events, long NextPosition, bool HasMore);
