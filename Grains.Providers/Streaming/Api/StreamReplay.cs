namespace Rayswarm.Grains.Providers;

/// <summary>What a replay of dead letters did (<see cref="IEventStreams.ReplayDeadLettersAsync"/>).</summary>
/// <param name="Replayed">Event ids delivered again and taken out of the dead letters, in delivery order.</param>
/// <param name="StillParked">Event ids asked for that stay dead letters: the one whose delivery failed and those after it.</param>
/// <param name="Error">Why the failed delivery failed; null when every event was replayed.</param>
public sealed record StreamReplay(IReadOnlyList<string> Replayed, IReadOnlyList<string> StillParked, string? Error)
{
    /// <summary>The most dead letters one replay delivers.</summary>
    public const int MaxEvents = 1000;
}
