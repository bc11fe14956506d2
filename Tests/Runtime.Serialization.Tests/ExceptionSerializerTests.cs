using System.Buffers;
using System.Runtime.CompilerServices;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Serialization.Tests;

public sealed class ExceptionSerializerTests
{
    [Fact]
    public void A_BCL_exception_comes_back_with_its_type_message_and_remote_stack_trace()
    {
        var thrown = Thrown(() => throw new InvalidOperationException("the grain is tired"));

        var read = RoundTrip(thrown);

        Assert.IsType<InvalidOperationException>(read);
        Assert.Equal("the grain is tired", read.Message);
        var remote = Assert.IsType<string>(read.Data[ExceptionSerializer.RemoteStackTraceKey]);
        Assert.Contains(nameof(Thrown), remote, StringComparison.Ordinal);
        Assert.Contains(nameof(Thrown), read.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_type_of_the_grain_assembly_comes_back_as_itself()
    {
        var read = RoundTrip(new OrderRejectedException("out of stock"));

        Assert.Equal("out of stock", Assert.IsType<OrderRejectedException>(read).Message);
        Assert.Null(read.Data[ExceptionSerializer.RemoteStackTraceKey]);
    }

    [Fact]
    public void An_exception_without_a_message_constructor_becomes_a_RemoteGrainException_with_its_type_and_message()
    {
        var read = Assert.IsType<RemoteGrainException>(RoundTrip(new CodedException(42)));

        Assert.Equal(typeof(CodedException).FullName, read.OriginalTypeName);
        Assert.Equal("failed with code 42", read.Message);
        Assert.StartsWith(typeof(CodedException).FullName + " (remote", read.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_exception_type_becomes_a_RemoteGrainException_naming_it()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WireWriter(output);
        writer.WriteString("Elsewhere.Billing.CardDeclinedException");
        writer.WriteString("Elsewhere.Billing");
        writer.WriteString("card declined");
        writer.WriteString("   at Elsewhere.Billing.Charge()");
        writer.WriteByte(0);
        writer.Commit();

        var read = Assert.IsType<RemoteGrainException>(MessageCodec.ReadError(output.WrittenMemory));

        Assert.Equal("Elsewhere.Billing.CardDeclinedException", read.OriginalTypeName);
        Assert.Equal("card declined", read.Message);
        Assert.Equal("   at Elsewhere.Billing.Charge()", read.Data[ExceptionSerializer.RemoteStackTraceKey]);
    }

    [Fact]
    public void Inner_exceptions_come_back_in_order_with_their_types()
    {
        var original = new InvalidOperationException("outer", new ArgumentException("middle", new CodedException(7)));

        var read = RoundTrip(original);

        Assert.Equal("outer", Assert.IsType<InvalidOperationException>(read).Message);
        Assert.Equal("middle", Assert.IsType<ArgumentException>(read.InnerException).Message);
        Assert.Equal(typeof(CodedException).FullName, Assert.IsType<RemoteGrainException>(read.InnerException!.InnerException).OriginalTypeName);
        Assert.Null(read.InnerException.InnerException!.InnerException);
    }

    [Fact]
    public void An_inner_exception_chain_is_cut_at_the_depth_limit()
    {
        Exception chain = new FormatException("level 20");
        for (var i = 19; i >= 1; i--) { chain = new InvalidOperationException($"level {i}", chain); }

        var read = RoundTrip(chain);

        var levels = new List<string>();
        for (var e = read; e is not null; e = e.InnerException) { levels.Add(e.Message); }
        Assert.Equal(Enumerable.Range(1, ExceptionSerializer.MaxDepth).Select(static i => $"level {i}"), levels);
    }

    [Fact]
    public void Exceptions_whose_single_string_constructor_is_not_the_message_keep_their_message()
    {
        var read = RoundTrip(new ArgumentNullException("order"));

        Assert.IsType<ArgumentNullException>(read);
        Assert.Equal(new ArgumentNullException("order").Message, read.Message);
    }

    [Fact]
    public void A_message_constructor_with_optional_parameters_is_used()
    {
        var read = RoundTrip(new InconsistentStateException("etag mismatch", "a", "b"));

        Assert.Equal("etag mismatch", Assert.IsType<InconsistentStateException>(read).Message);
    }

    [Fact]
    public void A_remote_exception_sent_on_again_keeps_its_original_type_name()
    {
        var once = RoundTrip(new CodedException(1));

        var twice = Assert.IsType<RemoteGrainException>(RoundTrip(once));

        Assert.Equal(typeof(CodedException).FullName, twice.OriginalTypeName);
        Assert.Equal("failed with code 1", twice.Message);
    }

    private static Exception RoundTrip(Exception exception)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WireWriter(output);
        ExceptionSerializer.Write(ref writer, exception);
        writer.Commit();
        var reader = new WireReader(output.WrittenSpan);
        var read = ExceptionSerializer.Read(ref reader);
        Assert.Equal(0, reader.Remaining);
        return read;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }
        throw new InvalidOperationException("did not throw");
    }
}
