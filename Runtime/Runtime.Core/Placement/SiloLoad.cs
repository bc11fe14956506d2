namespace Rayswarm.Runtime.Core;

/// <summary>A silo's load as it last reported it: activations, CPU use (0..1 of the machine) and memory use (0..1 of what the GC may use).</summary>
public sealed record SiloLoad(int Activations, double Cpu, double Memory)
{
    /// <summary>No load known.</summary>
    public static SiloLoad Unknown { get; } = new(0, 0, 0);
}
