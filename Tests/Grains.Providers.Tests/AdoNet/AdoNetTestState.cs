namespace Rayswarm.Grains.Providers.Tests.AdoNet;

/// <summary>A grain state for the storage tests (serialized by Orleans' default grain storage serializer).</summary>
[GenerateSerializer]
public sealed class AdoNetTestState
{
    [Id(0)]
    public string Text { get; set; } = string.Empty;

    [Id(1)]
    public int Number { get; set; }
}
