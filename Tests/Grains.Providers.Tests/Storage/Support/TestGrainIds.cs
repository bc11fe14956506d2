namespace Rayswarm.Grains.Providers.Tests.Storage;

/// <summary>Grain ids no other test uses, so tests can share a database file.</summary>
internal static class TestGrainIds
{
    public static string UniqueType(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static GrainId Unique() => GrainId.Create(UniqueType("test"), Guid.NewGuid().ToString("N"));

    /// <summary>A grain of <paramref name="type"/> whose uniform hash is in [low, high].</summary>
    public static GrainId WithHashBetween(string type, uint low, uint high)
    {
        for (var i = 0; ; i++)
        {
            var grain = GrainId.Create(type, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var hash = grain.GetUniformHashCode();
            if (hash >= low && hash <= high) { return grain; }
        }
    }
}
