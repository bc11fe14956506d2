namespace Rayswarm.Gateway;

/// <summary>The answer of <c>POST /domains/memory/retract/{id}</c> and the <c>retract_knowledge</c> tool.</summary>
/// <param name="ContributionId">The contribution deleted.</param>
/// <param name="Reason">Why, as announced with <c>memory.retracted</c>.</param>
/// <param name="Retracted">Always true (an unknown or already retracted contribution is a 404 or a tool error).</param>
public sealed record RetractResult(string ContributionId, string Reason, bool Retracted = true);
