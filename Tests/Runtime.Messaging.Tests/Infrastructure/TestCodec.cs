using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Messaging.Tests;

/// <summary>
/// A stand-in for the real codec: kind (1 byte), correlation id (8 bytes LE), body length (4 bytes LE), body.
/// Messages whose body is <see cref="Poison"/> fail to encode.
/// </summary>
internal sealed class TestCodec : IMessageCodec
{
    public const int Overhead = 1 + 8 + 4;
    public const string Poison = "poison";

    public static readonly TestCodec Instance = new();

    public static Message Create(long correlationId, string body, MessageKind kind = MessageKind.Request) =>
        new() { Kind = kind, CorrelationId = correlationId, Body = Encoding.UTF8.GetBytes(body) };

    /// <summary>A message whose frame payload is exactly <paramref name="payloadLength"/> bytes.</summary>
    public static Message OfPayloadLength(long correlationId, int payloadLength) =>
        new() { Kind = MessageKind.Request, CorrelationId = correlationId, Body = new byte[payloadLength - Overhead] };

    public static string BodyOf(Message message) => Encoding.UTF8.GetString(message.Body.Span);

    public void Encode(Message message, IBufferWriter<byte> output)
    {
        var body = message.Body.Span;
        if (body.SequenceEqual(Encoding.UTF8.GetBytes(Poison))) { throw new InvalidOperationException("This message cannot be encoded."); }
        var span = output.GetSpan(Overhead + body.Length);
        span[0] = (byte)message.Kind;
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], message.CorrelationId);
        BinaryPrimitives.WriteInt32LittleEndian(span[9..], body.Length);
        body.CopyTo(span[Overhead..]);
        output.Advance(Overhead + body.Length);
    }

    public Message Decode(ReadOnlySequence<byte> frame)
    {
        var reader = new SequenceReader<byte>(frame);
        if (!reader.TryRead(out var kind) || !reader.TryReadLittleEndian(out long correlationId) || !reader.TryReadLittleEndian(out int length)
            || length != reader.Remaining)
        {
            throw new InvalidDataException("Malformed test frame.");
        }
        var body = new byte[length];
        reader.TryCopyTo(body);
        return new Message { Kind = (MessageKind)kind, CorrelationId = correlationId, Body = body };
    }
}
