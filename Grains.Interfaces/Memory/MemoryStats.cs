namespace Rayswarm.Grains.Interfaces;

/// <summary>Totals over the whole shared memory.</summary>
/// <param name="TotalContributions">Contributions stored.</param>
/// <param name="TotalDomains">Domains that contributed.</param>
/// <param name="TotalVerifications">Verifications recorded (confirmations and rejections).</param>
/// <param name="TotalRejections">Of those, rejections.</param>
/// <param name="TotalApplications">Applications reported.</param>
/// <param name="SuccessfulApplications">Of those, successes.</param>
/// <param name="SuccessRate">Successes / applications; 0 before any application.</param>
/// <param name="AverageConfidence">The mean confidence of all contributions; 0 when there are none.</param>
/// <param name="ByType">The number of contributions of each type.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.MemoryStats")]
public sealed record MemoryStats(
    int TotalContributions,
    int TotalDomains,
    int TotalVerifications,
    int TotalRejections,
    int TotalApplications,
    int SuccessfulApplications,
    double SuccessRate,
    double AverageConfidence,
    IReadOnlyDictionary<string, int> ByType);
