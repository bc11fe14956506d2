using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;

namespace Rayswarm.Runtime.Core;

/// <summary>The receiving side: one loop cuts frames and hands each decoded message to the handler inline.</summary>
internal sealed partial class Connection
{
    private static readonly StreamPipeReaderOptions InputOptions = new(bufferSize: 64 * 1024, minimumReadSize: 4 * 1024, leaveOpen: true);

    private async Task RunReaderAsync()
    {
        var input = PipeReader.Create(_stream, InputOptions);
        Exception? error = null;
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(_lifetime.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                DeliverFrames(ref buffer);
                input.AdvanceTo(buffer.Start, buffer.End);
                if (IsClosed) { break; }
                if (result.IsCompleted)
                {
                    if (!buffer.IsEmpty) { error = new EndOfStreamException($"The connection ended inside a frame ({buffer.Length} bytes of it arrived)."); }
                    break;
                }
            }
        }
        catch (Exception e)
        {
            error = e;
        }
        await input.CompleteAsync().ConfigureAwait(false);
        if (IsClosed) { return; }
        if (error is not null) { Close(error); }
        else { OnReceiveCompleted(); }
    }

    /// <summary>Delivers every whole frame at the start of <paramref name="buffer"/> and leaves the rest in it.</summary>
    private void DeliverFrames(ref ReadOnlySequence<byte> buffer)
    {
        Span<byte> prefix = stackalloc byte[4];
        while (buffer.Length >= 4 && !IsClosed)
        {
            buffer.Slice(0, 4).CopyTo(prefix);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(prefix);
            if (length > (uint)_settings.MaxFrameSize)
            {
                _logger.FrameTooLarge(length, RemoteEndPoint, _settings.MaxFrameSize);
                throw new InvalidDataException($"A frame of {length} bytes exceeds the maximum frame size of {_settings.MaxFrameSize} bytes.");
            }
            if (buffer.Length < 4 + length) { return; }
            var frame = buffer.Slice(4, length);
            Deliver(frame);
            buffer = buffer.Slice(frame.End);
        }
    }

    private void Deliver(ReadOnlySequence<byte> frame)
    {
        Message message;
        try
        {
            message = _codec.Decode(frame);
        }
        catch (Exception e)
        {
            // Framing is intact, so one bad frame costs one message, not the connection.
            _logger.DecodeFailed(e, frame.Length, this);
            return;
        }
        try
        {
            _handler.OnMessage(this, message);
        }
        catch (Exception e)
        {
            _logger.HandlerFailed(e, message, this);
        }
    }
}
