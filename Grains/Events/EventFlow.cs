using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>What <see cref="EventFlowMeter"/> measured over its window.</summary>
/// <param name="Events">Events published in the window (all types).</param>
/// <param name="PerSecond">Their rate.</param>
/// <param name="WindowSeconds">How long the window was (a minute, less just after the silo started).</param>
/// <param name="Types">Each type with its total, its events in the window and their rate, in no particular order.</param>
public sealed record EventFlow(long Events, double PerSecond, double WindowSeconds, IReadOnlyList<EventTypeRate> Types);
