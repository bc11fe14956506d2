using System.Buffers;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Serialization.Tests;

public sealed class MessageHeaderTests
{
    private readonly ReferenceRuntime _runtime = new();
    private readonly MessageCodec _codec;

    public MessageHeaderTests() => _codec = new MessageCodec(_runtime.Registry, _runtime);

    public static TheoryData<MessageKind> Kinds => new(Enum.GetValues<MessageKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_header_field_round_trips_for_every_kind(MessageKind kind)
    {
        var message = FullHeader(kind);
        if (kind == MessageKind.Request) { message.Request = _runtime.Capture<ICalculatorGrain>(static g => g.Reset()); }

        var read = Frames.RoundTrip(_codec, message);

        AssertSameHeader(message, read);
    }

    [Fact]
    public void Default_header_fields_are_left_out()
    {
        var frame = Frames.Encode(_codec, new Message { Kind = MessageKind.Ping, CorrelationId = 5 });

        Assert.Equal([MessageHeader.FormatVersion, (byte)MessageKind.Ping, 10, 0], frame);
        var read = Frames.Decode(_codec, frame);
        Assert.Equal((MessageKind.Ping, 5L), (read.Kind, read.CorrelationId));
        Assert.True(read.TargetGrain.IsDefault);
        Assert.Null(read.SendingSilo);
        Assert.Empty(read.CallChain);
        Assert.Equal(ResponseStatus.Success, read.Status);
    }

    [Fact]
    public void Unknown_header_fields_from_a_newer_version_are_skipped()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WireWriter(output);
        writer.WriteByte(MessageHeader.FormatVersion);
        writer.WriteByte((byte)MessageKind.ProbeResult);
        writer.WriteVarInt64(-77);
        writer.WriteVarUInt32(1000);                        // a tag this version does not know
        writer.WriteVarUInt32(6);
        writer.WriteBytes([0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x01]);
        writer.WriteVarUInt32((uint)HeaderField.Status);
        writer.WriteVarUInt32(3);                           // the known field, extended by two bytes
        writer.WriteBytes([(byte)ResponseStatus.Rejected, 0xAB, 0xCD]);
        writer.WriteVarUInt32((uint)HeaderField.TraceParent);
        writer.WriteVarUInt32(3);
        writer.WriteString("tp");
        writer.WriteVarUInt32(0);
        writer.Commit();

        var read = Frames.Decode(_codec, output.WrittenSpan.ToArray());

        Assert.Equal((MessageKind.ProbeResult, -77L, ResponseStatus.Rejected, "tp"), (read.Kind, read.CorrelationId, read.Status, read.TraceParent));
    }

    [Fact]
    public void A_frame_of_another_format_version_is_refused()
    {
        var frame = Frames.Encode(_codec, new Message { Kind = MessageKind.Pong, CorrelationId = 1 });
        frame[0] = MessageHeader.FormatVersion + 1;

        var error = Assert.Throws<InvalidDataException>(() => Frames.Decode(_codec, frame));
        Assert.Contains("version 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_headers_and_unknown_kinds_are_refused()
    {
        var frame = Frames.Encode(_codec, FullHeader(MessageKind.Pong));

        for (var length = 0; length < frame.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => Frames.Decode(_codec, frame[..length]));
        }
        frame[1] = 99;
        Assert.Throws<InvalidDataException>(() => Frames.Decode(_codec, frame));
    }

    [Fact]
    public void A_frame_split_over_several_segments_decodes()
    {
        var message = FullHeader(MessageKind.Response);
        message.Status = ResponseStatus.Success;
        message.ResultType = typeof(string);
        message.Result = "done";
        var frame = Frames.Encode(_codec, message);

        var read = _codec.Decode(Frames.Segmented(frame, 3));

        AssertSameHeader(message, read);
        Assert.Equal("done", _codec.ReadResult<string>(read.Body));
    }

    [Fact]
    public void Silo_addresses_of_recent_headers_are_reused_and_others_read_afresh()
    {
        var silos = Enumerable.Range(1, 20).Select(static i => new SiloAddress($"10.0.0.{i}", 11111, i)).ToList();
        Message Read(SiloAddress sending, SiloAddress target) =>
            Frames.RoundTrip(_codec, new Message { Kind = MessageKind.Ping, SendingSilo = sending, TargetSilo = target });

        var first = Read(silos[0], silos[1]);
        var second = Read(new SiloAddress("10.0.0.1", 11111, 1), silos[1]);
        var others = silos.Select(s => Read(s, s)).ToList();

        Assert.Same(first.SendingSilo, second.SendingSilo);
        Assert.Same(first.TargetSilo, second.TargetSilo);
        Assert.Equal(silos, others.Select(static m => m.SendingSilo));
        Assert.Equal(silos, others.Select(static m => m.TargetSilo));
        Assert.NotEqual(first.SendingSilo, first.TargetSilo);
    }

    internal static Message FullHeader(MessageKind kind) => new()
    {
        Kind = kind,
        CorrelationId = long.MaxValue - 3,
        TargetGrain = new GrainId("calculator", "c/1"),
        SendingSilo = new SiloAddress("10.0.0.1", 11111, SiloAddress.NewGeneration()),
        TargetSilo = new SiloAddress("10.0.0.2", 65535, 1),
        ExpiresAtUnixMs = 1_700_000_000_000,
        CallChain = [new CallChainFrame(new GrainId("a", "1"), true), new CallChainFrame(new GrainId("b", "ü"), false)],
        TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        ForwardCount = 2,
        Status = ResponseStatus.Rejected,
        ActualSilo = new SiloAddress("::1", 1, long.MaxValue),
    };

    internal static void AssertSameHeader(Message expected, Message actual)
    {
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.CorrelationId, actual.CorrelationId);
        Assert.Equal(expected.TargetGrain, actual.TargetGrain);
        Assert.Equal(expected.SendingSilo, actual.SendingSilo);
        Assert.Equal(expected.TargetSilo, actual.TargetSilo);
        Assert.Equal(expected.ExpiresAtUnixMs, actual.ExpiresAtUnixMs);
        Assert.Equal(expected.CallChain, actual.CallChain);
        Assert.Equal(expected.TraceParent, actual.TraceParent);
        Assert.Equal(expected.ForwardCount, actual.ForwardCount);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.ActualSilo, actual.ActualSilo);
    }
}
