namespace Rayswarm.Grains.Interfaces;

/// <summary>What a replay of dead letters did (see <see cref="IEventBusGrain.ReplayDeadLetters"/>).</summary>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="Replayed">Event ids delivered again and taken out of the dead letters, in delivery order.</param>
/// <param name="StillParked">Event ids asked for that stay dead letters: the one whose delivery failed again and those after it.</param>
/// <param name="Error">Why that delivery failed; null when every event was replayed.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.DeadLetterReplay")]
public sealed record DeadLetterReplay(string SubscriptionId, IReadOnlyList<string> Replayed, IReadOnlyList<string> StillParked, string? Error);
