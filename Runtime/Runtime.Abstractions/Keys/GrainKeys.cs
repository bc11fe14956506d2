using System.Globalization;

namespace Rayswarm.Runtime.Abstractions;

/// <summary>Converts typed primary keys to and from the string form a <see cref="GrainId"/> carries.</summary>
public static class GrainKeys
{
    /// <summary>The key string of a Guid key.</summary>
    public static string Format(Guid key) => key.ToString("N");

    /// <summary>The key string of an integer key.</summary>
    public static string Format(long key) => key.ToString(CultureInfo.InvariantCulture);

    /// <summary>The Guid key of a grain id whose key was a Guid.</summary>
    public static Guid ToGuid(GrainId id) =>
        Guid.TryParseExact(id.Key, "N", out var g) ? g : throw new InvalidOperationException($"Grain {id} does not have a Guid key.");

    /// <summary>The integer key of a grain id whose key was an integer.</summary>
    public static long ToLong(GrainId id) =>
        long.TryParse(id.Key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
            ? l : throw new InvalidOperationException($"Grain {id} does not have an integer key.");
}
