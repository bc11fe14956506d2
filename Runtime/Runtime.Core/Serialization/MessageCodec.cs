using System.Buffers;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>
/// The binary message format: a header (see the layout below), then a body. A request's body is its method id
/// (4 bytes, little-endian), the argument count and each argument as <see cref="ValueSerializer"/> writes its declared
/// parameter type. A successful response's body is the result as its declared type (nothing for <c>Task</c> methods);
/// an error or rejected response's body is the exception as <see cref="ExceptionSerializer"/> writes it. Pings, pongs
/// and probes are a header only.
/// <para>Header: format version byte, kind byte, correlation id (zigzag varint), then tagged optional fields
/// (varint tag, varint length, payload) ended by tag 0. Readers skip tags they do not know, so newer silos can add
/// header fields; see <c>MessageHeader</c>.</para>
/// </summary>
public sealed class MessageCodec : IMessageCodec, IResultReader
{
    private readonly GrainCodeRegistry _registry;
    private readonly SiloAddressCache _silos = new();

    /// <summary>Creates the codec.</summary>
    /// <param name="registry">Finds the request type of an incoming method id.</param>
    /// <param name="runtime">Creates the grain references that arguments and results carry.</param>
    public MessageCodec(GrainCodeRegistry registry, IGrainCallRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
        Values = new ValueSerializer(runtime);
    }

    /// <summary>The serializer of arguments and results.</summary>
    public ValueSerializer Values { get; }

    /// <summary>
    /// Writes the message. Throws if an argument or result cannot be serialized; <paramref name="output"/> may then hold
    /// part of the frame, so encode into a buffer of its own per frame and drop it on failure.
    /// </summary>
    public void Encode(Message message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(message);
        var writer = new WireWriter(output);
        MessageHeader.Write(ref writer, message);
        switch (message.Kind)
        {
            case MessageKind.Request:
                WriteRequest(ref writer, message.Request ?? throw new ArgumentException("A request message needs its Request.", nameof(message)));
                break;
            case MessageKind.Response:
                WriteResponse(ref writer, message);
                break;
            default:
                break;
        }
        writer.Commit();
    }

    /// <summary>
    /// Reads a frame payload. A request comes back with <see cref="Message.Request"/> set; a response with its body
    /// copied into <see cref="Message.Body"/> (read it with <see cref="ReadResult{T}"/> or <see cref="ReadError"/>).
    /// Throws <see cref="InvalidDataException"/> for an unreadable header and <see cref="MessageBodyException"/>
    /// (carrying the header) for a request whose body cannot be read.
    /// </summary>
    public Message Decode(ReadOnlySequence<byte> frame) =>
        frame.IsSingleSegment ? Decode(frame.FirstSpan) : Decode(frame.ToArray());

    /// <summary>The result of a successful response to a <c>Task&lt;T&gt;</c> method.</summary>
    public T ReadResult<T>(ReadOnlyMemory<byte> body)
    {
        var reader = new WireReader(body.Span);
        return Values.Read<T>(ref reader);
    }

    /// <summary>The result of a successful response, read as <paramref name="resultType"/> and boxed.</summary>
    public object? ReadResult(Type resultType, ReadOnlyMemory<byte> body)
    {
        var reader = new WireReader(body.Span);
        return Values.Read(ref reader, resultType);
    }

    /// <summary>The exception of an error or rejected response.</summary>
    Exception IResultReader.ReadError(ReadOnlyMemory<byte> body) => ReadError(body);

    /// <summary>Decodes the exception of an error or rejected response.</summary>
    public static Exception ReadError(ReadOnlyMemory<byte> body)
    {
        var reader = new WireReader(body.Span);
        return ExceptionSerializer.Read(ref reader);
    }

    private Message Decode(ReadOnlySpan<byte> frame)
    {
        var reader = new WireReader(frame);
        var message = MessageHeader.Read(ref reader, _silos);
        switch (message.Kind)
        {
            case MessageKind.Request:
                try { message.Request = ReadRequest(ref reader); }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    throw new MessageBodyException(message, e);
                }
                break;
            case MessageKind.Response:
                // The transport reuses the frame's buffer: the body must outlive it.
                message.Body = reader.Remaining == 0 ? ReadOnlyMemory<byte>.Empty : frame[reader.Position..].ToArray();
                break;
            default:
                break;
        }
        return message;
    }

    private void WriteRequest(ref WireWriter writer, Request request)
    {
        var method = request.Method;
        var types = method.ParameterTypes;
        writer.WriteUInt32(method.MethodId);
        writer.WriteVarUInt32((uint)types.Count);
        for (var i = 0; i < types.Count; i++)
        {
            Values.Write(ref writer, types[i], request.GetArgument(i));
        }
    }

    private Request ReadRequest(ref WireReader reader)
    {
        var request = _registry.GetRequestFactory(reader.ReadUInt32())();
        var types = request.Method.ParameterTypes;
        var count = reader.ReadVarUInt32();
        if (count != types.Count)
        {
            throw new InvalidDataException($"{request.Method.DisplayName} takes {types.Count} arguments but the request carries {count}.");
        }
        for (var i = 0; i < types.Count; i++)
        {
            request.SetArgument(i, Values.Read(ref reader, types[i]));
        }
        return request;
    }

    private void WriteResponse(ref WireWriter writer, Message message)
    {
        if (message.Result is null && message.Error is null && !message.Body.IsEmpty)
        {
            // A relayed response: the body another silo encoded goes on as it is.
            writer.WriteBytes(message.Body.Span);
            return;
        }
        if (message.Status == ResponseStatus.Success)
        {
            if (message.ResultType is { } resultType) { Values.Write(ref writer, resultType, message.Result); }
            return;
        }
        var error = message.Error ?? new InvalidOperationException($"The request ended with status {message.Status} and no exception.");
        ExceptionSerializer.Write(ref writer, error);
    }
}
