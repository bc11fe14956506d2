using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Rayswarm.Runtime.Core;

/// <summary>The sending side: the writer loop encodes queued messages into the pipe; the sender loop writes the pipe to the socket.</summary>
internal sealed partial class Connection
{
    private const int ScratchSize = 4096;
    private const int MaxRetainedScratch = 1024 * 1024;

    // A queue that never empties still gets flushed this often, so latency and the pipe stay bounded.
    private const int MaxBatchBytes = 128 * 1024;

    // Never pauses the writer (Send enforces the byte limit instead). Inline reader scheduling: a flush runs the sender
    // on the writer's thread, so a send costs no extra thread hop; a socket write that must wait frees that thread.
    private static readonly PipeOptions OutputOptions = new(
        readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline,
        pauseWriterThreshold: 0, resumeWriterThreshold: 0, minimumSegmentSize: 16 * 1024, useSynchronizationContext: false);

    private readonly Pipe _output = new(OutputOptions);
    private ArrayBufferWriter<byte> _scratch = new(ScratchSize);
    private List<ArraySegment<byte>>? _segments;
    private long _unsentBytes;

    /// <summary>Bytes encoded but not yet written to the socket.</summary>
    internal long UnsentBytes => Volatile.Read(ref _unsentBytes);

    private async Task RunWriterAsync()
    {
        var queue = _queue.Reader;
        var output = _output.Writer;
        Exception? error = null;
        try
        {
            while (await queue.WaitToReadAsync().ConfigureAwait(false))
            {
                var batch = 0;
                while (!IsClosed && queue.TryRead(out var message))
                {
                    batch += WriteFrame(output, message);
                    if (batch >= MaxBatchBytes)
                    {
                        await output.FlushAsync().ConfigureAwait(false);
                        batch = 0;
                    }
                }
                if (IsClosed) { break; }
                // The queue is momentarily empty: hand the batch to the sender. A flush never waits here (no pause
                // threshold); the sender it wakes runs inline until its socket write has to wait.
                await output.FlushAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            error = e;
        }
        await output.CompleteAsync(error).ConfigureAwait(false);
        if (error is not null) { Close(error); }
    }

    /// <summary>
    /// Encodes one message into scratch (so a throwing codec cannot corrupt the stream), then frames it into the pipe.
    /// Returns the bytes framed (0 if the message could not be encoded).
    /// </summary>
    private int WriteFrame(PipeWriter output, Message message)
    {
        var scratch = _scratch;
        scratch.ResetWrittenCount();
        try
        {
            _codec.Encode(message, scratch);
            if (scratch.WrittenCount > _settings.MaxFrameSize)
            {
                throw new InvalidOperationException(
                    $"The message encodes to {scratch.WrittenCount} bytes, more than the maximum frame size of {_settings.MaxFrameSize} bytes.");
            }
        }
        catch (Exception e)
        {
            _logger.EncodeFailed(e, message, this);
            try
            {
                _handler.OnSendFailed(this, message, e);
            }
            catch (Exception handlerError)
            {
                _logger.HandlerFailed(handlerError, message, this);
            }
            return 0;
        }
        var payload = scratch.WrittenSpan;
        BinaryPrimitives.WriteInt32LittleEndian(output.GetSpan(4), payload.Length);
        output.Advance(4);
        output.Write(payload);
        Interlocked.Add(ref _unsentBytes, 4 + payload.Length);
        if (scratch.Capacity > MaxRetainedScratch) { _scratch = new ArrayBufferWriter<byte>(ScratchSize); }
        return 4 + payload.Length;
    }

    private async Task RunSenderAsync()
    {
        var input = _output.Reader;
        Exception? error = null;
        try
        {
            while (true)
            {
                var result = await input.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                if (IsClosed) { break; }
                if (!buffer.IsEmpty)
                {
                    await SendAsync(buffer).ConfigureAwait(false);
                    Interlocked.Add(ref _unsentBytes, -buffer.Length);
                }
                input.AdvanceTo(buffer.End);
                if (result.IsCompleted)
                {
                    // Everything queued is written: half-close so the other end reads to the end and finishes too.
                    _socket.Shutdown(SocketShutdown.Send);
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
        else { OnSendCompleted(); }
    }

    private async ValueTask SendAsync(ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsSingleSegment)
        {
            await SendAllAsync(buffer.First).ConfigureAwait(false);
            return;
        }
        // Gather the segments into one socket write.
        var segments = _segments ??= [];
        segments.Clear();
        foreach (var memory in buffer)
        {
            if (!MemoryMarshal.TryGetArray(memory, out var segment)) { segments.Clear(); break; }
            segments.Add(segment);
        }
        var sent = segments.Count > 0 ? await _socket.SendAsync(segments, SocketFlags.None).ConfigureAwait(false) : 0;
        foreach (var rest in buffer.Slice(sent)) { await SendAllAsync(rest).ConfigureAwait(false); }
    }

    private async ValueTask SendAllAsync(ReadOnlyMemory<byte> memory)
    {
        while (!memory.IsEmpty)
        {
            var sent = await _socket.SendAsync(memory, SocketFlags.None).ConfigureAwait(false);
            memory = memory[sent..];
        }
    }
}
