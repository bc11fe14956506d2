using System.Buffers;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Serialization.Tests;

/// <summary>Encodes messages to frame payloads and decodes them, as a transport would.</summary>
internal static class Frames
{
    public static byte[] Encode(MessageCodec codec, Message message)
    {
        var output = new ArrayBufferWriter<byte>();
        codec.Encode(message, output);
        return output.WrittenSpan.ToArray();
    }

    public static Message Decode(MessageCodec codec, byte[] frame) => codec.Decode(new ReadOnlySequence<byte>(frame));

    public static Message RoundTrip(MessageCodec codec, Message message) => Decode(codec, Encode(codec, message));

    /// <summary>The frame split into segments of <paramref name="size"/> bytes.</summary>
    public static ReadOnlySequence<byte> Segmented(byte[] frame, int size)
    {
        Segment? first = null, last = null;
        for (var offset = 0; offset < frame.Length; offset += size)
        {
            var memory = frame.AsMemory(offset, Math.Min(size, frame.Length - offset));
            last = last is null ? first = new Segment(memory, 0) : last.Append(memory);
        }
        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
