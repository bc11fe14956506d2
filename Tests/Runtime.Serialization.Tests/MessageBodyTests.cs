using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Serialization.Tests;

public sealed class MessageBodyTests
{
    private readonly ReferenceRuntime _runtime = new();
    private readonly MessageCodec _codec;

    public MessageBodyTests() => _codec = new MessageCodec(_runtime.Registry, _runtime);

    [Fact]
    public async Task A_decoded_request_invokes_the_grain_method_with_the_same_arguments()
    {
        var sent = _runtime.Capture<ICalculatorGrain>(static g => g.Add(40, "xy"));

        var request = Decode(Request(sent)).Request!;
        var calculator = new RecordingCalculator();
        var task = request.Invoke(calculator);
        await task;

        Assert.NotSame(sent, request);
        Assert.Equal(sent.GetType(), request.GetType());
        Assert.Equal(["Add(40, xy)"], calculator.Calls);
        Assert.Equal(42, request.GetResult(task));
    }

    [Fact]
    public async Task Requests_carry_dtos_enums_nullables_and_grain_references()
    {
        var peer = _runtime.Get<IAdvancedPeerGrain>(new GrainId("peer", "p1"));
        var order = new Order("ada", [new Order.Line("sku", 3)], new() { ["vip"] = 0.1m });
        var due = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));
        var sent = _runtime.Capture<ICalculatorGrain>(g => g.Place(order, peer, Priority.Low, due));

        var request = Decode(Request(sent)).Request!;
        var calculator = new RecordingCalculator();
        await request.Invoke(calculator);

        Assert.Equal(["Place(ada, peer/p1, Low, 1893546245)"], calculator.Calls);
        var read = Assert.IsType<Order>(calculator.Arguments[0]);
        Assert.Equal(order.Lines, read.Lines);
        Assert.Equal(order.Discounts, read.Discounts);
        var readPeer = Assert.IsAssignableFrom<IAdvancedPeerGrain>(calculator.Arguments[1]);
        Assert.Equal(peer, readPeer);
        Assert.Same(_runtime, ((GrainReference)readPeer).Runtime);
        Assert.Equal(due, calculator.Arguments[3]);
    }

    [Fact]
    public async Task Null_arguments_and_grain_references_in_collections_survive()
    {
        var peers = new List<IPeerGrain> { _runtime.Get<IPeerGrain>(new GrainId("peer", "a")), _runtime.Get<IAdvancedPeerGrain>(new GrainId("peer", "b")) };
        var any = _runtime.Get<ICalculatorGrain>(new GrainId("calculator", "z"));
        var sent = _runtime.Capture<ICalculatorGrain>(g => g.Peers(any, peers, new() { ["w"] = [1, 2] }));
        var nulls = _runtime.Capture<ICalculatorGrain>(static g => g.Place(new Order("x", [], []), null, Priority.High, null));

        var request = Decode(Request(sent)).Request!;
        var calculator = new RecordingCalculator();
        var result = await (Task<List<IPeerGrain>>)request.Invoke(calculator);
        await Decode(Request(nulls)).Request!.Invoke(calculator);

        Assert.IsAssignableFrom<ICalculatorGrain>(calculator.Arguments[0]);
        Assert.Equal(peers, result);
        Assert.IsAssignableFrom<IAdvancedPeerGrain>(result[1]);
        Assert.Equal("Place(x, , High, )", calculator.Calls[1]);
    }

    [Fact]
    public async Task A_reminder_request_of_the_hand_written_IRemindable_proxy_decodes()
    {
        var remindable = (IRemindable)_runtime.GetReference(new GrainId("calculator", "c"), typeof(IRemindable));
        var status = new TickStatus(DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(5), DateTimeOffset.UnixEpoch.AddMinutes(15), 2);
        _runtime.Sent.Clear();
        await remindable.ReceiveReminder("tick", status);

        var request = Decode(Request(Assert.Single(_runtime.Sent))).Request!;
        var calculator = new RecordingCalculator();
        await request.Invoke(calculator);

        Assert.Equal(["ReceiveReminder(tick, 2)"], calculator.Calls);
        Assert.Equal(status, request.GetArgument(1));
    }

    [Fact]
    public void A_successful_response_carries_the_result_as_its_declared_type()
    {
        var order = new Order("ada", [], new() { ["a"] = 1m });

        var ints = Decode(Response(typeof(int), 42));
        var orders = Decode(Response(typeof(Order), order));
        var nullOrder = Decode(Response(typeof(Order), null));
        var peer = Decode(Response(typeof(IPeerGrain), _runtime.Get<IAdvancedPeerGrain>(new GrainId("peer", "p"))));

        Assert.Equal(42, _codec.ReadResult<int>(ints.Body));
        Assert.Equal(42, _codec.ReadResult(typeof(int), ints.Body));
        Assert.Equal("ada", _codec.ReadResult<Order>(orders.Body).Customer);
        Assert.Null(_codec.ReadResult<Order?>(nullOrder.Body));
        Assert.IsAssignableFrom<IAdvancedPeerGrain>(_codec.ReadResult<IPeerGrain>(peer.Body));
    }

    [Fact]
    public void A_response_to_a_Task_method_has_an_empty_body()
    {
        var read = Decode(new Message { Kind = MessageKind.Response, CorrelationId = 9 });

        Assert.True(read.Body.IsEmpty);
        Assert.Equal(ResponseStatus.Success, read.Status);
    }

    [Theory]
    [InlineData(ResponseStatus.Error)]
    [InlineData(ResponseStatus.Rejected)]
    public void Error_and_rejected_responses_carry_the_exception(ResponseStatus status)
    {
        var read = Decode(new Message { Kind = MessageKind.Response, CorrelationId = 3, Status = status, Error = new OrderRejectedException("no") });

        Assert.Equal(status, read.Status);
        Assert.Equal("no", Assert.IsType<OrderRejectedException>(MessageCodec.ReadError(read.Body)).Message);
    }

    [Fact]
    public void The_response_body_is_copied_out_of_the_frame_buffer()
    {
        var frame = Frames.Encode(_codec, Response(typeof(string), "kept"));
        var read = Frames.Decode(_codec, frame);

        Array.Clear(frame);

        Assert.Equal("kept", _codec.ReadResult<string>(read.Body));
    }

    [Fact]
    public void A_request_for_an_unknown_method_id_fails_with_its_header()
    {
        var message = MessageHeaderTests.FullHeader(MessageKind.Request);
        message.Request = _runtime.Capture<ICalculatorGrain>(static g => g.Reset());
        var frame = Frames.Encode(_codec, message);
        var bodyStart = frame.Length - 5;
        BitConverter.TryWriteBytes(frame.AsSpan(bodyStart, 4), 0xDEADBEEFu);

        var error = Assert.Throws<MessageBodyException>(() => Frames.Decode(_codec, frame));

        MessageHeaderTests.AssertSameHeader(message, error.Header);
        Assert.Null(error.Header.Request);
        Assert.Contains("0xDEADBEEF", error.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_with_a_wrong_argument_count_fails_with_its_header()
    {
        var frame = Frames.Encode(_codec, Request(_runtime.Capture<ICalculatorGrain>(static g => g.Reset())));
        frame[^1] = 1;

        var error = Assert.Throws<MessageBodyException>(() => Frames.Decode(_codec, frame));

        Assert.Equal(77, error.Header.CorrelationId);
        Assert.IsType<InvalidDataException>(error.InnerException);
    }

    [Fact]
    public void Encoding_a_request_message_without_a_request_throws()
    {
        Assert.Throws<ArgumentException>(() => Frames.Encode(_codec, new Message { Kind = MessageKind.Request }));
    }

    private static Message Request(Request request) => new()
    {
        Kind = MessageKind.Request,
        CorrelationId = 77,
        TargetGrain = new GrainId("calculator", "c1"),
        Request = request,
    };

    private static Message Response(Type resultType, object? result) =>
        new() { Kind = MessageKind.Response, CorrelationId = 78, ResultType = resultType, Result = result };

    private Message Decode(Message message) => Frames.RoundTrip(_codec, message);
}
