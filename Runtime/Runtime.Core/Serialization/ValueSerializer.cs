using System.Text.Json;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// Writes and reads one value of a known declared type. Binary fast paths cover the primitives, <see cref="string"/>,
/// <see cref="Guid"/>, date and time types, <c>byte[]</c>, enums, <see cref="Nullable{T}"/> of those, <see cref="GrainId"/>
/// and grain references (grain id plus interface name, read back through <see cref="Runtime"/>); everything else is
/// UTF-8 JSON with tolerant options, so DTOs survive members added or removed between versions. A value is read back
/// as its declared type: one declared as <see cref="object"/> comes back as a <see cref="JsonElement"/>. The codec of each
/// type is chosen once and cached; per call there is no reflection beyond what System.Text.Json caches.
/// </summary>
public sealed class ValueSerializer
{
    /// <summary>Creates the serializer.</summary>
    /// <param name="runtime">Creates the grain references that are read.</param>
    /// <param name="jsonOptions">Options for JSON values (copied; a grain reference converter is added). Null for the tolerant defaults.</param>
    public ValueSerializer(IGrainCallRuntime runtime, JsonSerializerOptions? jsonOptions = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        Runtime = runtime;
        JsonOptions = WireJson.CreateOptions(runtime, jsonOptions);
    }

    /// <summary>Creates the grain references that are read.</summary>
    public IGrainCallRuntime Runtime { get; }

    /// <summary>The options of JSON values (read-only).</summary>
    public JsonSerializerOptions JsonOptions { get; }

    /// <summary>Writes <paramref name="value"/> as <typeparamref name="T"/>.</summary>
    public void Write<T>(ref WireWriter writer, T value) => ValueCodecs<T>.Codec.Write(ref writer, value, this);

    /// <summary>Reads a value written as <typeparamref name="T"/>.</summary>
    public T Read<T>(ref WireReader reader) => ValueCodecs<T>.Codec.Read(ref reader, this);

    /// <summary>Writes <paramref name="value"/> as <paramref name="type"/>; the same bytes as <see cref="Write{T}"/>.</summary>
    public void Write(ref WireWriter writer, Type type, object? value) => ValueCodecs.For(type).WriteObject(ref writer, value, this);

    /// <summary>Reads a value written as <paramref name="type"/>, boxed.</summary>
    public object? Read(ref WireReader reader, Type type) => ValueCodecs.For(type).ReadObject(ref reader, this);
}
