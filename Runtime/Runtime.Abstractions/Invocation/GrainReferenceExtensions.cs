namespace Rayswarm.Runtime.Abstractions;

/// <summary>Keys and casts of grain references.</summary>
public static class GrainReferenceExtensions
{
    /// <summary>The grain id of a reference or of a grain instance.</summary>
    public static GrainId GetGrainId(this IGrain grain) => grain switch
    {
        GrainReference r => r.GrainId,
        Grain g => g.GrainId,
        null => throw new ArgumentNullException(nameof(grain)),
        _ => throw new ArgumentException($"{grain.GetType().Name} is neither a grain reference nor a grain.", nameof(grain)),
    };

    /// <summary>The string key of a grain reference.</summary>
    public static string GetPrimaryKeyString(this IGrainWithStringKey grain) => grain.GetGrainId().Key;

    /// <summary>The Guid key of a grain reference.</summary>
    public static Guid GetPrimaryKey(this IGrainWithGuidKey grain) => GrainKeys.ToGuid(grain.GetGrainId());

    /// <summary>The integer key of a grain reference.</summary>
    public static long GetPrimaryKeyLong(this IGrainWithIntegerKey grain) => GrainKeys.ToLong(grain.GetGrainId());

    /// <summary>The same grain through another of its interfaces.</summary>
    public static TOther AsReference<TOther>(this IGrain grain) where TOther : IGrain
    {
        var reference = grain as GrainReference ?? throw new ArgumentException("Only grain references can be cast; inside a grain use GrainFactory.", nameof(grain));
        return (TOther)(object)reference.Runtime.GetReference(reference.GrainId, typeof(TOther));
    }
}
