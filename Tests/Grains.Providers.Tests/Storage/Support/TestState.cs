namespace Rayswarm.Grains.Providers.Tests.Storage;

/// <summary>A grain state for the provider tests.</summary>
public sealed class TestState
{
    public int Value { get; set; }

    public string? Who { get; set; }

    public List<string> Tags { get; set; } = [];
}
