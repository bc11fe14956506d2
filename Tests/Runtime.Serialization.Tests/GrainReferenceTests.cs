using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Serialization.Tests;

public sealed class GrainReferenceTests
{
    private readonly ReferenceRuntime _runtime = new();
    private readonly ValueSerializer _serializer;

    public GrainReferenceTests() => _serializer = new ValueSerializer(_runtime);

    [Fact]
    public void A_reference_round_trips_to_an_equal_reference_of_its_interface_bound_to_the_runtime()
    {
        var calculator = _runtime.Get<ICalculatorGrain>(new GrainId("calculator", "c1"));

        var read = Wire.RoundTrip(_serializer, calculator);

        Assert.Equal(calculator, read);
        Assert.Equal(new GrainId("calculator", "c1"), read.GetGrainId());
        Assert.Same(_runtime, ((GrainReference)read).Runtime);
        Assert.NotSame(calculator, read);
    }

    [Fact]
    public void A_reference_declared_as_a_base_interface_or_IGrain_comes_back_through_its_own_interface()
    {
        var advanced = _runtime.Get<IAdvancedPeerGrain>(new GrainId("peer", "p1"));

        Assert.IsAssignableFrom<IAdvancedPeerGrain>(Wire.RoundTrip<IPeerGrain>(_serializer, advanced));
        Assert.IsAssignableFrom<IAdvancedPeerGrain>(Wire.RoundTrip<IGrain>(_serializer, advanced));
        Assert.IsAssignableFrom<IAdvancedPeerGrain>(Wire.RoundTrip<IGrainWithGuidKey>(_serializer, advanced));
        Assert.IsAssignableFrom<IAdvancedPeerGrain>(Wire.Read(_serializer, typeof(GrainReference), Wire.Write(_serializer, typeof(GrainReference), advanced)));
    }

    [Fact]
    public void A_null_reference_is_one_byte()
    {
        Assert.Equal([0], Wire.Write<IPeerGrain?>(_serializer, null));
        Assert.Null(Wire.RoundTrip<IPeerGrain?>(_serializer, null));
    }

    [Fact]
    public void A_reference_is_written_as_its_grain_id_and_interface_name()
    {
        var bytes = Wire.Write<IGrain>(_serializer, _runtime.Get<IPeerGrain>(new GrainId("peer", "p")));

        var reader = new WireReader(bytes);
        Assert.Equal(1, reader.ReadByte());
        Assert.Equal(("peer", "p"), (reader.ReadString(), reader.ReadString()));
        Assert.Equal(typeof(IPeerGrain).FullName, reader.ReadString());
        Assert.Equal(0, reader.Remaining);
    }

    [Fact]
    public void An_unknown_interface_name_falls_back_to_the_declared_interface_or_fails_for_IGrain()
    {
        var bytes = HandWritten(new GrainId("peer", "p"), "Other.Version.IPeerGrainV3");

        Assert.Equal(new GrainId("peer", "p"), Wire.Read<IPeerGrain>(_serializer, bytes).GetGrainId());
        Assert.Throws<InvalidDataException>(() => Wire.Read<IGrain>(_serializer, bytes));
    }

    [Fact]
    public void The_IRemindable_proxy_of_the_runtime_round_trips()
    {
        var remindable = (IRemindable)_runtime.GetReference(new GrainId("calculator", "c1"), typeof(IRemindable));

        var read = Wire.RoundTrip(_serializer, remindable);

        Assert.Equal(new GrainId("calculator", "c1"), read.GetGrainId());
        Assert.Equal(remindable.GetType(), read.GetType());
    }

    private static byte[] HandWritten(GrainId id, string interfaceName)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new WireWriter(output);
        writer.WriteByte(1);
        writer.WriteString(id.Type);
        writer.WriteString(id.Key);
        writer.WriteString(interfaceName);
        writer.Commit();
        return output.WrittenSpan.ToArray();
    }
}
