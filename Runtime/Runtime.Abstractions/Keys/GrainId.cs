namespace Rayswarm.Runtime.Abstractions;

/// <summary>
/// The identity of a grain: its grain type (the implementing class's type name) and its key.
/// Guid keys are stored in "N" format and integer keys in invariant decimal, so every key is a string.
/// </summary>
public readonly struct GrainId : IEquatable<GrainId>
{
    private readonly int _hash;

    /// <summary>Creates a grain id from a grain type name and a key.</summary>
    public GrainId(string type, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(key);
        Type = type;
        Key = key;
        _hash = HashCode.Combine(StringComparer.Ordinal.GetHashCode(type), StringComparer.Ordinal.GetHashCode(key));
    }

    /// <summary>The grain type name.</summary>
    public string Type { get; }

    /// <summary>The key within the grain type.</summary>
    public string Key { get; }

    /// <summary>True for the default value, which names no grain.</summary>
    public bool IsDefault => Type is null;

    /// <summary>A hash that is the same in every process and on every machine (FNV-1a over type and key),
    /// used to spread reminders and directory ranges over silos.</summary>
    public uint StableHash()
    {
        var h = 2166136261u;
        foreach (var c in Type) { h = (h ^ c) * 16777619u; }
        h = (h ^ '/') * 16777619u;
        foreach (var c in Key) { h = (h ^ c) * 16777619u; }
        return h;
    }

    /// <inheritdoc />
    public bool Equals(GrainId other) =>
        _hash == other._hash && string.Equals(Type, other.Type, StringComparison.Ordinal) && string.Equals(Key, other.Key, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GrainId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <summary>"type/key".</summary>
    public override string ToString() => $"{Type}/{Key}";

    /// <summary>Parses the "type/key" form written by <see cref="ToString"/>.</summary>
    public static GrainId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0) { throw new FormatException($"'{value}' is not a grain id of the form 'type/key'."); }
        return new GrainId(value[..slash], value[(slash + 1)..]);
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(GrainId left, GrainId right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(GrainId left, GrainId right) => !left.Equals(right);
}
