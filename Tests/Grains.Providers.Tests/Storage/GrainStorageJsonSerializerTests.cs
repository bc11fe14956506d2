using System.Text;
using System.Text.Json;
using Orleans.Configuration;

namespace Rayswarm.Grains.Providers.Tests.Storage;

/// <summary>The JSON of grain state: names, tolerance of schema change, free-form members.</summary>
public sealed class GrainStorageJsonSerializerTests
{
    private readonly JsonGrainStateSerializer _serializer = new();

    [Fact]
    public void Writes_camel_case_names_nulls_and_public_fields()
    {
        var json = _serializer.Serialize(new TestState { Value = 1, Tags = ["x"] }).ToString();

        JsonAssert.Equivalent("""{"value":1,"who":null,"tags":["x"]}""", json);
        JsonAssert.Equivalent("""{"counter":9,"items":[],"byName":{},"optional":null}""",
            _serializer.Serialize(new DocumentState { Counter = 9 }).ToString());
    }

    [Fact]
    public void Unknown_members_are_skipped_and_missing_ones_keep_the_defaults()
    {
        var read = _serializer.Deserialize<NewProfile>(BinaryData.FromString("""{"name":"ada","nickname":"countess","extra":{"deep":[1]}}"""));

        Assert.Equal("ada", read.Name);
        Assert.Equal(3, read.Level);
        Assert.Null(read.Email);
    }

    [Fact]
    public void Reads_names_in_any_case_and_numbers_written_as_strings()
    {
        var read = _serializer.Deserialize<TestState>(BinaryData.FromString("""{"VALUE":"12","Who":"w"}"""));

        Assert.Equal(12, read.Value);
        Assert.Equal("w", read.Who);
    }

    [Fact]
    public void JsonElement_members_round_trip_including_unassigned_ones()
    {
        using var payload = JsonDocument.Parse("""{"a":[1,2.5,"three",null,{"b":true}],"c":"Zoë ✓"}""");
        using var item = JsonDocument.Parse("[1,{}]");
        var state = new DocumentState
        {
            Counter = 3,
            Payload = payload.RootElement,
            Optional = payload.RootElement.GetProperty("a")[4],
            Items = [item.RootElement, default, payload.RootElement.GetProperty("a")[3]],
            ByName = { ["k"] = payload.RootElement.GetProperty("c") },
        };

        var json = _serializer.Serialize(state);
        var read = _serializer.Deserialize<DocumentState>(json);

        Assert.Equal(3, read.Counter);
        Assert.True(JsonElement.DeepEquals(payload.RootElement, read.Payload));
        Assert.Equal(JsonValueKind.Undefined, read.Unassigned.ValueKind);
        Assert.True(JsonElement.DeepEquals(payload.RootElement.GetProperty("a")[4], read.Optional!.Value));
        Assert.True(JsonElement.DeepEquals(item.RootElement, read.Items[0]));
        Assert.Equal(JsonValueKind.Null, read.Items[1].ValueKind); // an unassigned element in a list is written as null
        Assert.Equal(JsonValueKind.Null, read.Items[2].ValueKind);
        Assert.Equal("Zoë ✓", read.ByName["k"].GetString());
        JsonAssert.Equivalent(json.ToString(), _serializer.Serialize(read).ToString());
    }

    [Fact]
    public async Task The_streaming_methods_write_and_read_the_same_documents()
    {
        var state = new TestState { Value = 5, Who = "s", Tags = ["t"] };
        using var stream = new MemoryStream();

        await _serializer.SerializeAsync(state, stream);
        JsonAssert.Equivalent(_serializer.Serialize(state).ToString(), Encoding.UTF8.GetString(stream.ToArray()));
        stream.Position = 0;
        var read = await _serializer.DeserializeAsync<TestState>(stream);

        Assert.Equal((5, "s"), (read!.Value, read.Who));
    }

    [Fact]
    public void Changed_settings_are_used_and_the_defaults_stay_unchanged()
    {
        var options = JsonGrainStateSerializer.CreateOptions();
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        var snake = new JsonGrainStateSerializer(options);

        Assert.Contains("\"by_name\":{}", snake.Serialize(new DocumentState()).ToString(), StringComparison.Ordinal);
        Assert.Equal(JsonNamingPolicy.CamelCase, new JsonGrainStateSerializer().Options.PropertyNamingPolicy);
        Assert.True(snake.Options.IsReadOnly);
    }

    [Fact]
    public void It_plugs_into_the_AdoNet_grain_storage_options()
    {
        var options = new AdoNetGrainStorageOptions { GrainStorageSerializer = _serializer };

        var serializer = options.GrainStorageSerializer;
        Assert.NotNull(serializer);
        var state = Assert.IsType<TestState>(serializer.Deserialize<TestState>(serializer.Serialize(new TestState { Value = 8 })));

        Assert.Equal(8, state.Value);
    }
}
