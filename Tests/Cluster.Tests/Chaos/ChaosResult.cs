namespace Rayswarm.Cluster.Tests;

/// <summary>A chaos run's figures, the first 5xx answers it saw, and what each process wrote.</summary>
public sealed record ChaosResult(ChaosFigures Figures, IReadOnlyList<string> ErrorSamples, IReadOnlyList<(string Process, string Output)> Outputs);
