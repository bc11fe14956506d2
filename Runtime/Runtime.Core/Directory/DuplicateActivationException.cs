namespace Rayswarm.Runtime.Core;

/// <summary>An activation lost the directory registration: the grain is already active at <see cref="Winner"/>.
/// Never reaches grain callers: their requests are forwarded to the winner.</summary>
internal sealed class DuplicateActivationException(GrainAddress winner)
    : Exception($"{winner.GrainId} is already active on {winner.Silo}.")
{
    public GrainAddress Winner { get; } = winner;
}
