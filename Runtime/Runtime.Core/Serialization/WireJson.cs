using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// JSON for values without a binary fast path, tolerant of schema change like <see cref="GrainStateJson"/>: unknown
/// members are skipped (the sender is newer or older), missing ones keep the type's defaults.
/// </summary>
internal static class WireJson
{
    private const int MaxKeptScratch = 1 << 20;

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>Options for one serializer: the defaults (or the caller's) plus grain references through <paramref name="runtime"/>.</summary>
    public static JsonSerializerOptions CreateOptions(IGrainCallRuntime runtime, JsonSerializerOptions? baseOptions)
    {
        var options = baseOptions is null
            ? new JsonSerializerOptions(JsonSerializerDefaults.Web)
            {
                DefaultIgnoreCondition = JsonIgnoreCondition.Never,
                UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
                IncludeFields = true,
                NumberHandling = JsonNumberHandling.AllowReadingFromString,
            }
            : new JsonSerializerOptions(baseOptions);
        options.Converters.Add(new GrainReferenceJsonConverterFactory(runtime));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>A buffer and JSON writer for the calling thread; give it back with <see cref="Return"/>.</summary>
    public static Scratch Rent()
    {
        var scratch = t_scratch ?? new Scratch();
        t_scratch = null;
        return scratch;
    }

    public static void Return(Scratch scratch)
    {
        scratch.Buffer.ResetWrittenCount();
        scratch.Writer.Reset(scratch.Buffer);
        if (scratch.Buffer.Capacity <= MaxKeptScratch) { t_scratch = scratch; }
    }

    internal sealed class Scratch
    {
        public Scratch() => Writer = new Utf8JsonWriter(Buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        public ArrayBufferWriter<byte> Buffer { get; } = new(256);

        public Utf8JsonWriter Writer { get; }
    }
}
