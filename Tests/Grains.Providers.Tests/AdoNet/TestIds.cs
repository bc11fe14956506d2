namespace Rayswarm.Grains.Providers.Tests.AdoNet;

/// <summary>Cluster and service ids no other test uses, so tests may share a database.</summary>
internal static class TestIds
{
    public static string New(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
