namespace Rayswarm.Runtime.Abstractions;

/// <summary>One page of history; pass <see cref="NextPosition"/> as the next call's afterPosition; <see cref="HasMore"/> when the page was full.</summary>
public sealed record StreamHistoryPage(IReadOnlyList<StreamEvent> Events, long NextPosition, bool HasMore);
