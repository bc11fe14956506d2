namespace Rayswarm.Grains.Providers.Tests.Storage;

/// <summary><see cref="OldProfile"/> now: <c>Nickname</c> removed, <c>Level</c> (default 3) and <c>Email</c> added.</summary>
public sealed class NewProfile
{
    public string? Name { get; set; }

    public int Level { get; set; } = 3;

    public string? Email { get; set; }
}
