using System.Text.Json;

namespace Rayswarm.Runtime.Core;

/// <summary>Any other type as UTF-8 JSON, prefixed by varint (byte count + 1); 0 stands for null.</summary>
internal sealed class JsonCodec<T> : ValueCodec<T>
{
    public override void Write(ref WireWriter writer, T value, ValueSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteByte(0);
            return;
        }
        var scratch = WireJson.Rent();
        try
        {
            JsonSerializer.Serialize(scratch.Writer, value, serializer.JsonOptions);
            scratch.Writer.Flush();
            var json = scratch.Buffer.WrittenSpan;
            writer.WriteVarUInt32((uint)json.Length + 1);
            writer.WriteBytes(json);
        }
        finally
        {
            WireJson.Return(scratch);
        }
    }

    public override T Read(ref WireReader reader, ValueSerializer serializer)
    {
        var prefix = reader.ReadVarUInt64();
        if (prefix == 0) { return default!; }
        if (prefix - 1 > (ulong)reader.Remaining) { throw new InvalidDataException("The data ends before the JSON value does."); }
        return JsonSerializer.Deserialize<T>(reader.ReadBytes((int)(prefix - 1)), serializer.JsonOptions)!;
    }
}
