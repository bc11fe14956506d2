namespace Rayswarm.Benchmarks;

/// <summary>A state of a chosen size (<see cref="Data"/>), as the baseline writes it.</summary>
public sealed class PayloadState
{
    public string Data { get; set; } = "";

    public long Writes { get; set; }
}
