using System.Buffers;

namespace Rayswarm.Runtime.Core;

/// <summary>Turns messages into frame payloads and back. The transport adds the length prefix.</summary>
public interface IMessageCodec
{
    /// <summary>Writes the message (header and body) to <paramref name="output"/>.</summary>
    void Encode(Message message, IBufferWriter<byte> output);

    /// <summary>Reads one frame payload. Requests come back with <see cref="Message.Request"/> set; responses keep their raw <see cref="Message.Body"/>.</summary>
    Message Decode(ReadOnlySequence<byte> frame);
}
