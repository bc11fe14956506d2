using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Serialization.Tests;

public sealed class PrimitiveValueTests
{
    private readonly ValueSerializer _serializer = new(new ReferenceRuntime());

    [Fact]
    public void Booleans_bytes_and_signed_bytes_round_trip()
    {
        AssertRoundTrips(true, false);
        AssertRoundTrips(byte.MinValue, (byte)1, byte.MaxValue);
        AssertRoundTrips(sbyte.MinValue, (sbyte)-1, (sbyte)0, sbyte.MaxValue);
    }

    [Fact]
    public void Integers_of_every_width_round_trip_at_their_limits()
    {
        AssertRoundTrips(short.MinValue, (short)-1, (short)0, short.MaxValue);
        AssertRoundTrips(ushort.MinValue, (ushort)128, ushort.MaxValue);
        AssertRoundTrips(int.MinValue, -1, 0, 1, 63, 64, int.MaxValue);
        AssertRoundTrips(uint.MinValue, 127u, 128u, uint.MaxValue);
        AssertRoundTrips(long.MinValue, -1L, 0L, long.MaxValue);
        AssertRoundTrips(ulong.MinValue, 1UL << 63, ulong.MaxValue);
    }

    [Fact]
    public void Small_integers_take_one_byte_and_the_largest_ten()
    {
        Assert.Equal([2], Wire.Write(_serializer, 1));
        Assert.Equal([1], Wire.Write(_serializer, -1));
        Assert.Equal(10, Wire.Write(_serializer, long.MinValue).Length);
        Assert.Equal(10, Wire.Write(_serializer, ulong.MaxValue).Length);
    }

    [Fact]
    public void Floating_point_and_decimal_round_trip_bit_for_bit()
    {
        AssertRoundTrips(0f, -0f, float.Epsilon, float.MinValue, float.MaxValue, float.NaN, float.PositiveInfinity, float.NegativeInfinity);
        AssertRoundTrips(0d, -0d, double.Epsilon, double.MinValue, double.MaxValue, double.NaN, double.NegativeInfinity, 0.1);
        AssertRoundTrips(decimal.Zero, decimal.MinValue, decimal.MaxValue, -0.0000000000000000000000000001m, 1.10m);

        Assert.True(double.IsNegative(Wire.RoundTrip(_serializer, -0d)));
        Assert.Equal("1.10", Wire.RoundTrip(_serializer, 1.10m).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Chars_and_strings_round_trip_including_null_empty_and_non_ascii()
    {
        AssertRoundTrips(char.MinValue, 'a', 'é', '\uD83D', char.MaxValue);
        AssertRoundTrips<string?>(null, "", "a", "héllo wörld", "日本語", "emoji 🎉", new string('x', 100_000));

        Assert.Equal([0], Wire.Write<string?>(_serializer, null));
        Assert.Equal([1], Wire.Write(_serializer, ""));
    }

    [Fact]
    public void Guids_and_byte_arrays_round_trip()
    {
        AssertRoundTrips(Guid.Empty, Guid.NewGuid(), Guid.AllBitsSet);
        Assert.Null(Wire.RoundTrip<byte[]?>(_serializer, null));
        Assert.Empty(Wire.RoundTrip(_serializer, Array.Empty<byte>()));
        var bytes = Enumerable.Range(0, 70_000).Select(static i => (byte)i).ToArray();
        Assert.Equal(bytes, Wire.RoundTrip(_serializer, bytes));
    }

    [Fact]
    public void Date_and_time_values_round_trip_with_kind_and_offset()
    {
        var utc = new DateTime(2024, 2, 29, 23, 59, 59, DateTimeKind.Utc).AddTicks(1234567);
        var unspecified = DateTime.SpecifyKind(utc, DateTimeKind.Unspecified);
        AssertRoundTrips(DateTime.MinValue, DateTime.MaxValue, utc, unspecified);
        Assert.Equal(DateTimeKind.Utc, Wire.RoundTrip(_serializer, utc).Kind);
        Assert.Equal(DateTimeKind.Unspecified, Wire.RoundTrip(_serializer, unspecified).Kind);

        var offset = new DateTimeOffset(2024, 6, 1, 12, 30, 0, TimeSpan.FromHours(-9.5));
        AssertRoundTrips(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, offset, DateTimeOffset.UnixEpoch);
        Assert.Equal(TimeSpan.FromHours(-9.5), Wire.RoundTrip(_serializer, offset).Offset);

        AssertRoundTrips(TimeSpan.MinValue, TimeSpan.Zero, TimeSpan.FromTicks(-1), TimeSpan.MaxValue);
    }

    [Fact]
    public void Enums_round_trip_as_their_underlying_values()
    {
        AssertRoundTrips(Priority.Low, Priority.Normal, Priority.High, (Priority)short.MinValue, (Priority)12345);
        AssertRoundTrips(DayOfWeek.Saturday, (DayOfWeek)(-5));
        AssertRoundTrips(ByteFlags.None, ByteFlags.All, ByteFlags.A | ByteFlags.B);
        AssertRoundTrips(Huge.Max, Huge.Min);

        Assert.Equal([1], Wire.Write(_serializer, Priority.Low));
    }

    [Fact]
    public void Nullable_values_round_trip_as_null_or_value()
    {
        AssertRoundTrips<int?>(null, 0, int.MinValue);
        AssertRoundTrips<Priority?>(null, Priority.High);
        AssertRoundTrips<Guid?>(null, Guid.NewGuid());
        AssertRoundTrips<DateTimeOffset?>(null, DateTimeOffset.UnixEpoch);
        AssertRoundTrips<GrainId?>(null, new GrainId("t", "k"));

        Assert.Equal([0], Wire.Write<long?>(_serializer, null));
        Assert.Null(Wire.Read(_serializer, typeof(double?), Wire.Write(_serializer, typeof(double?), null)));
        Assert.Equal(2.5, Wire.Read(_serializer, typeof(double?), Wire.Write(_serializer, typeof(double?), 2.5)));
    }

    [Fact]
    public void Grain_ids_round_trip_including_the_default_one()
    {
        AssertRoundTrips(new GrainId("counter", "c1"), new GrainId("g", ""), new GrainId("ünï", "a/b/c"), default);
        Assert.True(Wire.RoundTrip<GrainId>(_serializer, default).IsDefault);
    }

    [Fact]
    public void Writing_a_value_of_another_type_or_null_as_a_value_type_throws()
    {
        Assert.Throws<InvalidCastException>(() => Wire.Write(_serializer, typeof(int), "1"));
        Assert.Throws<ArgumentNullException>(() => Wire.Write(_serializer, typeof(int), null));
    }

    [Fact]
    public void Truncated_input_throws_invalid_data()
    {
        var bytes = Wire.Write(_serializer, "hello");

        Assert.Throws<InvalidDataException>(() => Wire.Read<string>(_serializer, bytes[..3]));
        Assert.Throws<InvalidDataException>(() => Wire.Read<Guid>(_serializer, new byte[15]));
        Assert.Throws<InvalidDataException>(() => Wire.Read<long>(_serializer, [0x80, 0x80]));
    }

    private void AssertRoundTrips<T>(params T[] values)
    {
        foreach (var value in values)
        {
            Assert.Equal(value, Wire.RoundTrip(_serializer, value));
        }
    }

    [Flags]
    private enum ByteFlags : byte
    {
        None = 0,
        A = 1,
        B = 2,
        All = 255,
    }

    private enum Huge : ulong
    {
        Min = 0,
        Max = ulong.MaxValue,
    }
}
