using System.Text.Json;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Serialization.Tests;

public sealed class JsonValueTests
{
    private readonly ReferenceRuntime _runtime = new();
    private readonly ValueSerializer _serializer;

    public JsonValueTests() => _serializer = new ValueSerializer(_runtime);

    [Fact]
    public void Records_with_nested_lists_and_dictionaries_round_trip()
    {
        var order = new Order("ada", [new Order.Line("sku-1", 2), new Order.Line("sku-2", 1)], new() { ["vip"] = 0.15m });

        var read = Wire.RoundTrip(_serializer, order);

        Assert.Equal("ada", read.Customer);
        Assert.Equal(order.Lines, read.Lines);
        Assert.Equal(order.Discounts, read.Discounts);
    }

    [Fact]
    public void Collections_tuples_and_null_round_trip()
    {
        Assert.Equal([1, 2, 3], Wire.RoundTrip(_serializer, new List<int> { 1, 2, 3 }));
        Assert.Equal(new[] { "a", null, "c" }, Wire.RoundTrip(_serializer, new[] { "a", null, "c" }));
        var weights = Wire.RoundTrip(_serializer, new Dictionary<string, int[]> { ["x"] = [1, 2], ["y"] = [] });
        Assert.Equal([1, 2], weights["x"]);
        Assert.Empty(weights["y"]);
        Assert.Equal((3, "z"), Wire.RoundTrip(_serializer, (Count: 3, Last: "z")));
        Assert.Null(Wire.RoundTrip<Order?>(_serializer, null));
        Assert.Equal([0], Wire.Write<List<int>?>(_serializer, null));
    }

    [Fact]
    public void Structs_with_fields_and_init_properties_round_trip()
    {
        var status = new TickStatus(DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(1), DateTimeOffset.UnixEpoch.AddDays(1), 3);

        Assert.Equal(status, Wire.RoundTrip(_serializer, status));
        Assert.Equal(new FieldPoint { X = 1, Y = -2 }, Wire.RoundTrip(_serializer, new FieldPoint { X = 1, Y = -2 }));
    }

    [Fact]
    public void A_dto_written_by_an_older_version_reads_as_the_newer_one_with_a_member_added_and_one_removed()
    {
        var bytes = Wire.Write(_serializer, new CustomerV1("ada", 36, "countess") { Tags = ["a"] });

        var read = Wire.Read<CustomerV2>(_serializer, bytes);

        Assert.Equal("ada", read.Name);
        Assert.Equal(36, read.Age);
        Assert.Null(read.Email);
        Assert.Equal(0, read.Visits);
        Assert.Equal(["a"], read.Tags);
    }

    [Fact]
    public void A_dto_written_by_a_newer_version_reads_as_the_older_one()
    {
        var bytes = Wire.Write(_serializer, typeof(CustomerV2), new CustomerV2("ada", 36, "ada@example.org") { Visits = 9 });

        var read = (CustomerV1)Wire.Read(_serializer, typeof(CustomerV1), bytes)!;

        Assert.Equal(("ada", 36, (string?)null), (read.Name, read.Age, read.Nickname));
        Assert.Empty(read.Tags);
    }

    [Fact]
    public void A_value_declared_as_object_comes_back_as_json()
    {
        var read = Wire.Read<object>(_serializer, Wire.Write<object>(_serializer, new Order.Line("sku", 4)));

        var element = Assert.IsType<JsonElement>(read);
        Assert.Equal(4, element.GetProperty("quantity").GetInt32());
    }

    [Fact]
    public void Grain_references_inside_json_values_round_trip_through_the_runtime()
    {
        var peer = _runtime.Get<IAdvancedPeerGrain>(new GrainId("peer", "p1"));
        var plain = _runtime.Get<IPeerGrain>(new GrainId("peer", "p2"));
        var holder = new PeerHolder("team", [peer, plain], peer);

        var read = Wire.RoundTrip(_serializer, holder);

        Assert.Equal([peer.GetGrainId(), plain.GetGrainId()], read.Peers.Select(static p => p.GetGrainId()));
        Assert.IsAssignableFrom<IAdvancedPeerGrain>(read.Peers[0]);
        Assert.False(read.Peers[1] is IAdvancedPeerGrain);
        Assert.Same(_runtime, ((GrainReference)read.Best!).Runtime);
    }

    [Fact]
    public void Custom_json_options_are_used_and_keep_grain_references()
    {
        var serializer = new ValueSerializer(_runtime, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
        var bytes = Wire.Write(serializer, new CustomerV1("ada", 1, null));

        Assert.Contains("\"name\":\"ada\"", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        var peer = _runtime.Get<IPeerGrain>(new GrainId("peer", "p"));
        Assert.Equal(peer, Wire.RoundTrip(serializer, new PeerHolder("x", [peer], null)).Peers[0]);
    }

    /// <summary>Version 1 of a DTO.</summary>
    public sealed record CustomerV1(string Name, int Age, string? Nickname)
    {
        public List<string> Tags { get; init; } = [];
    }

    /// <summary>Version 2: Nickname removed, Email and Visits added.</summary>
    public sealed record CustomerV2(string Name, int Age, string? Email)
    {
        public int Visits { get; set; }

        public List<string> Tags { get; init; } = [];
    }

    public record struct FieldPoint
    {
        public int X;
        public int Y;
    }

    public sealed record PeerHolder(string Name, List<IPeerGrain> Peers, IAdvancedPeerGrain? Best);
}
