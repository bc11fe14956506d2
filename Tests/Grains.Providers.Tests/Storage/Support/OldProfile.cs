namespace Rayswarm.Grains.Providers.Tests.Storage;

/// <summary>A state type as an older build wrote it (see <see cref="NewProfile"/>).</summary>
public sealed class OldProfile
{
    public string? Name { get; set; }

    public string? Nickname { get; set; }
}
