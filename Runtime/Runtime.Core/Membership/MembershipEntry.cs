namespace Rayswarm.Runtime.Core;

/// <summary>One silo's row in the membership table.</summary>
/// <param name="Silo">The silo (host, port, generation).</param>
/// <param name="Status">Its state.</param>
/// <param name="Name">A human name (host name, pod name).</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="IAmAliveAt">When it last said it is alive (written periodically by the silo itself).</param>
/// <param name="Suspicions">Who suspects it of being dead, and since when.</param>
public sealed record MembershipEntry(
    SiloAddress Silo,
    SiloStatus Status,
    string Name,
    DateTimeOffset StartedAt,
    DateTimeOffset IAmAliveAt,
    IReadOnlyList<Suspicion> Suspicions);

/// <summary>A vote that <c>Suspect</c>ed silo is dead, cast by <paramref name="By"/> at <paramref name="At"/>.</summary>
public sealed record Suspicion(SiloAddress By, DateTimeOffset At);
