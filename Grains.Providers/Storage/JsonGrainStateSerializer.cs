using System.Text.Json;
using Orleans.Storage;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// Grain state as JSON (System.Text.Json), tolerant of schema change: unknown members of a stored document are skipped,
/// missing ones keep the type's defaults. camelCase names, fields included. <see cref="JsonElement"/> members round-trip,
/// an unassigned one included. The SQLite grain storage always uses it; set it as
/// <c>AdoNetGrainStorageOptions.GrainStorageSerializer</c> to store the same documents in PostgreSQL.
/// </summary>
public sealed class JsonGrainStateSerializer : IGrainStorageStreamingSerializer
{
    /// <summary>A serializer with the default settings (<see cref="CreateOptions"/>).</summary>
    public JsonGrainStateSerializer()
        : this(GrainStateJsonOptions.Create())
    {
    }

    /// <summary>A serializer with other settings, best made by changing those of <see cref="CreateOptions"/>.</summary>
    public JsonGrainStateSerializer(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MakeReadOnly(populateMissingResolver: true);
        Options = options;
    }

    /// <summary>The settings in use (read-only).</summary>
    public JsonSerializerOptions Options { get; }

    /// <summary>A new, changeable copy of the default settings.</summary>
    public static JsonSerializerOptions CreateOptions() => GrainStateJsonOptions.Create();

    /// <inheritdoc />
    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    /// <inheritdoc />
    public T Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return JsonSerializer.Deserialize<T>(input.ToMemory().Span, Options)!;
    }

    /// <inheritdoc />
    public async ValueTask SerializeAsync<T>(T? input, Stream destination, CancellationToken cancellationToken = default) =>
        await JsonSerializer.SerializeAsync(destination, input, Options, cancellationToken);

    /// <inheritdoc />
    public ValueTask<T?> DeserializeAsync<T>(Stream input, CancellationToken cancellationToken = default) =>
        JsonSerializer.DeserializeAsync<T>(input, Options, cancellationToken);

    /// <summary>The document as text, for a TEXT column.</summary>
    internal string SerializeToString<T>(T input) => JsonSerializer.Serialize(input, Options);

    /// <summary>The state of a stored document; null if the document is JSON null.</summary>
    internal T? DeserializeFromString<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);
}
