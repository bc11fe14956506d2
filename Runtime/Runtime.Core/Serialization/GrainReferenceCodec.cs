using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// A grain reference: a presence byte, the grain id and the interface's full name. Read back through the runtime,
/// so the reference calls the grain from this process.
/// </summary>
internal sealed class GrainReferenceCodec<T> : ValueCodec<T> where T : class
{
    public override void Write(ref WireWriter writer, T value, ValueSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteByte(0);
            return;
        }
        writer.WriteByte(1);
        GrainIdCodec.WriteId(ref writer, IdOf(value));
        writer.WriteString(GrainInterfaceNames.Of(value, typeof(T)));
    }

    public override T Read(ref WireReader reader, ValueSerializer serializer)
    {
        switch (reader.ReadByte())
        {
            case 0: return null!;
            case 1: break;
            case var b: throw new InvalidDataException($"Presence byte {b} is neither 0 nor 1.");
        }
        var id = GrainIdCodec.ReadId(ref reader);
        var interfaceType = GrainInterfaceNames.Resolve(reader.ReadRequiredString(), typeof(T));
        return (T)(object)serializer.Runtime.GetReference(id, interfaceType);
    }

    internal static GrainId IdOf(object value) => value switch
    {
        GrainReference reference => reference.GrainId,
        IGrain grain => grain.GetGrainId(),
        _ => throw new ArgumentException($"{value.GetType()} is not a grain reference.", nameof(value)),
    };
}
