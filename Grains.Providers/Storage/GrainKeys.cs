
namespace Rayswarm.Grains.Providers;

/// <summary>How a <see cref="GrainId"/> is stored: its type and its key as two text columns, and back.</summary>
internal static class GrainKeys
{
    public static string Type(GrainId grainId) =>
        grainId.IsDefault ? throw new ArgumentException("The default grain id names no grain.", nameof(grainId)) : grainId.Type.ToString();

    public static string Key(GrainId grainId) => grainId.Key.ToString();

    public static GrainId Parse(string type, string key) => GrainId.Create(type, key);
}
