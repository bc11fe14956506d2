using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>A <see cref="GrainId"/> as its type and key strings; the default id has a null type.</summary>
internal sealed class GrainIdCodec : ValueCodec<GrainId>
{
    public override void Write(ref WireWriter writer, GrainId value, ValueSerializer serializer) => WriteId(ref writer, value);

    public override GrainId Read(ref WireReader reader, ValueSerializer serializer) => ReadId(ref reader);

    public static void WriteId(ref WireWriter writer, GrainId id)
    {
        writer.WriteString(id.Type);
        writer.WriteString(id.Key);
    }

    public static GrainId ReadId(ref WireReader reader)
    {
        var type = reader.ReadString();
        var key = reader.ReadString();
        if (type is null) { return default; }
        return type.Length > 0 && key is not null ? new GrainId(type, key) : throw new InvalidDataException("Malformed grain id.");
    }
}
