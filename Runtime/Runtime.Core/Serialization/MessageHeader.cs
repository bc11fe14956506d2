using System.Diagnostics;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// The header of a frame. Layout:
/// <code>
/// byte    format version (1)
/// byte    kind
/// varint  correlation id (zigzag)
/// field*  varint tag, varint payload length, payload; only fields that differ from their default
/// varint  0 (end of header)
/// </code>
/// A reader skips fields with tags it does not know, and ignores bytes after the part of a known field it reads, so a
/// newer silo can add header fields (new tags) or extend a field's payload at its end without breaking older ones.
/// Changes that older silos cannot skip bump the format version, which they then reject.
/// </summary>
internal static class MessageHeader
{
    public const byte FormatVersion = 1;

    public static void Write(ref WireWriter writer, Message message)
    {
        writer.WriteByte(FormatVersion);
        writer.WriteByte((byte)message.Kind);
        writer.WriteVarInt64(message.CorrelationId);
        if (!message.TargetGrain.IsDefault)
        {
            Field(ref writer, HeaderField.TargetGrain, WireSize.GrainId(message.TargetGrain));
            GrainIdCodec.WriteId(ref writer, message.TargetGrain);
        }
        WriteSilo(ref writer, HeaderField.SendingSilo, message.SendingSilo);
        WriteSilo(ref writer, HeaderField.TargetSilo, message.TargetSilo);
        if (message.ExpiresAtUnixMs != 0)
        {
            Field(ref writer, HeaderField.ExpiresAtUnixMs, WireSize.VarInt64(message.ExpiresAtUnixMs));
            writer.WriteVarInt64(message.ExpiresAtUnixMs);
        }
        if (message.CallChain.Count > 0) { WriteCallChain(ref writer, message.CallChain); }
        if (message.TraceParent is not null)
        {
            Field(ref writer, HeaderField.TraceParent, WireSize.String(message.TraceParent));
            writer.WriteString(message.TraceParent);
        }
        if (message.ForwardCount != 0)
        {
            Field(ref writer, HeaderField.ForwardCount, WireSize.VarInt64(message.ForwardCount));
            writer.WriteVarInt32(message.ForwardCount);
        }
        if (message.Status != ResponseStatus.Success)
        {
            Field(ref writer, HeaderField.Status, 1);
            writer.WriteByte((byte)message.Status);
        }
        WriteSilo(ref writer, HeaderField.ActualSilo, message.ActualSilo);
        if (message.Load is { } load)
        {
            var cpu = (int)(load.Cpu * 10_000);
            var memory = (int)(load.Memory * 10_000);
            Field(ref writer, HeaderField.Load, WireSize.VarInt64(load.Activations) + WireSize.VarInt64(cpu) + WireSize.VarInt64(memory));
            writer.WriteVarInt32(load.Activations);
            writer.WriteVarInt32(cpu);
            writer.WriteVarInt32(memory);
        }
        writer.WriteVarUInt32((uint)HeaderField.End);
    }

    public static Message Read(ref WireReader reader, SiloAddressCache silos)
    {
        var version = reader.ReadByte();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Message format version {version} is not supported; this process reads version {FormatVersion}.");
        }
        var kind = (MessageKind)reader.ReadByte();
        if (!Enum.IsDefined(kind)) { throw new InvalidDataException($"Unknown message kind {(byte)kind}."); }
        var message = new Message { Kind = kind, CorrelationId = reader.ReadVarInt64() };
        while (reader.ReadVarUInt32() is var tag && tag != (uint)HeaderField.End)
        {
            var payload = reader.ReadBytes(reader.ReadLength());
            var field = new WireReader(payload);
            switch ((HeaderField)tag)
            {
                case HeaderField.SendingSilo: message.SendingSilo = silos.Read(payload); break;
                case HeaderField.TargetSilo: message.TargetSilo = silos.Read(payload); break;
                case HeaderField.ActualSilo: message.ActualSilo = silos.Read(payload); break;
                default: ReadField(ref field, (HeaderField)tag, message); break;
            }
        }
        return message;
    }

    private static void ReadField(ref WireReader field, HeaderField tag, Message message)
    {
        switch (tag)
        {
            case HeaderField.TargetGrain: message.TargetGrain = GrainIdCodec.ReadId(ref field); break;
            case HeaderField.ExpiresAtUnixMs: message.ExpiresAtUnixMs = field.ReadVarInt64(); break;
            case HeaderField.CallChain: message.CallChain = ReadCallChain(ref field); break;
            case HeaderField.TraceParent: message.TraceParent = field.ReadString(); break;
            case HeaderField.ForwardCount: message.ForwardCount = field.ReadVarInt32(); break;
            case HeaderField.Status: message.Status = (ResponseStatus)field.ReadByte(); break;
            case HeaderField.Load:
                message.Load = new SiloLoad(field.ReadVarInt32(), field.ReadVarInt32() / 10_000.0, field.ReadVarInt32() / 10_000.0);
                break;
            default: break; // added by a newer version; its payload was skipped with the field
        }
    }

    private static void Field(ref WireWriter writer, HeaderField tag, int length)
    {
        writer.WriteVarUInt32((uint)tag);
        writer.WriteVarUInt32((uint)length);
    }

    private static void WriteSilo(ref WireWriter writer, HeaderField tag, SiloAddress? silo)
    {
        if (silo is null) { return; }
        var length = WireSize.Silo(silo);
        Field(ref writer, tag, length);
        var start = writer.BytesWritten;
        writer.WriteString(silo.Host);
        writer.WriteVarInt32(silo.Port);
        writer.WriteVarInt64(silo.Generation);
        Debug.Assert(writer.BytesWritten - start == length);
    }

    /// <summary>A count, then per frame the grain id and a flags byte (bit 0: allows re-entry; other bits reserved).</summary>
    private static void WriteCallChain(ref WireWriter writer, IReadOnlyList<CallChainFrame> chain)
    {
        var length = WireSize.VarUInt64((ulong)chain.Count);
        foreach (var frame in chain) { length += WireSize.GrainId(frame.GrainId) + 1; }
        Field(ref writer, HeaderField.CallChain, length);
        var start = writer.BytesWritten;
        writer.WriteVarUInt32((uint)chain.Count);
        foreach (var frame in chain)
        {
            GrainIdCodec.WriteId(ref writer, frame.GrainId);
            writer.WriteByte(frame.AllowsReentry ? (byte)1 : (byte)0);
        }
        Debug.Assert(writer.BytesWritten - start == length);
    }

    private static CallChainFrame[] ReadCallChain(ref WireReader field)
    {
        var frames = new CallChainFrame[field.ReadLength()];
        for (var i = 0; i < frames.Length; i++)
        {
            frames[i] = new CallChainFrame(GrainIdCodec.ReadId(ref field), (field.ReadByte() & 1) != 0);
        }
        return frames;
    }
}
