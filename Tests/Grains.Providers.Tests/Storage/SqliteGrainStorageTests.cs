using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Rayswarm.Grains.Providers.Tests.Storage;

/// <summary>The <see cref="Orleans.Storage.IGrainStorage"/> contract of the SQLite provider: reads, writes, clears, keys.</summary>
public sealed class SqliteGrainStorageTests(SqliteFile file) : IClassFixture<SqliteFile>
{
    [Fact]
    public async Task Read_of_a_missing_state_gives_a_new_state_without_etag_or_record()
    {
        var storage = StorageUnderTest.Open(file.Path);

        var read = await storage.ReadAsync(TestGrainIds.Unique());

        Assert.NotNull(read.State);
        Assert.Equal(0, read.State.Value);
        Assert.Null(read.ETag);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task Write_then_read_round_trips_the_state_and_the_etag()
    {
        var storage = StorageUnderTest.Open(file.Path);
        var grain = TestGrainIds.Unique();
        var written = new GrainState<TestState>(new TestState { Value = 42, Who = "Zoë ✓ \"quoted\"\nline", Tags = ["a", "b"] });

        await storage.WriteStateAsync(StorageUnderTest.State, grain, written);
        var read = await storage.ReadAsync(grain);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(42, read.State.Value);
        Assert.Equal("Zoë ✓ \"quoted\"\nline", read.State.Who);
        Assert.Equal(["a", "b"], read.State.Tags);
    }

    [Fact]
    public async Task A_state_with_json_element_members_round_trips_through_the_file()
    {
        var storage = StorageUnderTest.Open(file.Path);
        var grain = TestGrainIds.Unique();
        var written = new GrainState<DocumentState>(new DocumentState { Counter = 1 });
        using (var document = JsonDocument.Parse("""{"steps":[{"id":1,"ok":true}],"note":null}"""))
        {
            written.State!.Payload = document.RootElement;
            await storage.WriteStateAsync("document", grain, written);
        }

        var read = new GrainState<DocumentState>();
        await storage.ReadStateAsync("document", grain, read);

        var state = Assert.IsType<DocumentState>(read.State);
        Assert.Equal(1, state.Payload.GetProperty("steps")[0].GetProperty("id").GetInt32());
        Assert.Equal(JsonValueKind.Null, state.Payload.GetProperty("note").ValueKind);
        Assert.Equal(JsonValueKind.Undefined, state.Unassigned.ValueKind);
    }

    [Fact]
    public async Task Every_write_changes_the_etag_and_a_read_returns_the_latest()
    {
        var storage = StorageUnderTest.Open(file.Path);
        var grain = TestGrainIds.Unique();

        var first = await storage.WriteAsync(grain, 1, null);
        var second = await storage.WriteAsync(grain, 2, first);
        var third = await storage.WriteAsync(grain, 3, second);

        Assert.Equal(3, new[] { first, second, third }.Distinct().Count());
        var read = await storage.ReadAsync(grain);
        Assert.Equal(third, read.ETag);
        Assert.Equal(3, read.State.Value);
    }

    [Fact]
    public async Task Clear_with_the_current_etag_deletes_the_state_and_resets_the_grain_state()
    {
        var storage = StorageUnderTest.Open(file.Path);
        var grain = TestGrainIds.Unique();
        var etag = await storage.WriteAsync(grain, 7, null);
        var state = new GrainState<TestState>(new TestState { Value = 7 }, etag) { RecordExists = true };

        await storage.ClearStateAsync(StorageUnderTest.State, grain, state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(0, Assert.IsType<TestState>(state.State).Value);
        var read = await storage.ReadAsync(grain);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task Clear_of_a_missing_state_with_a_null_etag_is_a_no_op()
    {
        var storage = StorageUnderTest.Open(file.Path);
        var grain = TestGrainIds.Unique();

        await storage.ClearAsync(grain, null);

        Assert.False((await storage.ReadAsync(grain)).RecordExists);
    }

    [Fact]
    public async Task States_of_two_names_two_grains_and_two_grain_types_do_not_collide()
    {
        var storage = StorageUnderTest.Open(file.Path);
        var type = TestGrainIds.UniqueType("grain");
        var a = GrainId.Create(type, "a");
        var b = GrainId.Create(type, "b");
        var otherType = GrainId.Create(TestGrainIds.UniqueType("other"), "a");

        var aState = await storage.WriteAsync(a, 1, null, "state");
        await storage.WriteAsync(a, 2, null, "other");
        await storage.WriteAsync(b, 3, null, "state");
        await storage.WriteAsync(otherType, 4, null, "state");
        await storage.ClearAsync(a, aState, "state");

        Assert.False((await storage.ReadAsync(a, "state")).RecordExists);
        Assert.Equal(2, (await storage.ReadAsync(a, "other")).State.Value);
        Assert.Equal(3, (await storage.ReadAsync(b, "state")).State.Value);
        Assert.Equal(4, (await storage.ReadAsync(otherType, "state")).State.Value);
    }

    [Fact]
    public async Task A_row_holds_the_grain_type_the_key_the_state_name_and_camel_case_json()
    {
        var storage = StorageUnderTest.Open(file.Path);
        var grain = GrainId.Create(TestGrainIds.UniqueType("row"), "key/with spaces");
        var etag = await storage.WriteAsync(grain, 5, null, "profile");

        await using var connection = await file.OpenForeignConnectionAsync(file.Path);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state_name, etag, data FROM grain_state WHERE grain_type = $type AND grain_key = $key";
        command.Parameters.AddWithValue("$type", grain.Type.ToString());
        command.Parameters.AddWithValue("$key", "key/with spaces");
        await using var reader = await command.ExecuteReaderAsync();

        Assert.True(await reader.ReadAsync());
        Assert.Equal("profile", reader.GetString(0));
        Assert.Equal(etag, reader.GetInt64(1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        JsonAssert.Equivalent("""{"value":5,"who":null,"tags":[]}""", reader.GetString(2));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task The_file_is_in_wal_mode_with_the_state_and_reminder_tables_after_initializing()
    {
        var path = file.NewPath();
        await StorageUnderTest.Open(path).InitializeAsync(CancellationToken.None);

        await using var connection = await file.OpenForeignConnectionAsync(path);
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal("grain_state,reminders", await ScalarAsync(connection,
            "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)"));
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
