using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Rayswarm.Grains.Providers.Tests.AdoNet;

/// <summary>Orleans' AdoNetGrainStorage (behind AddPostgresGrainStorage) against our schema.</summary>
public sealed class PostgresGrainStorageContractTests(PostgresOrleansDatabase database) : IClassFixture<PostgresOrleansDatabase>, IDisposable
{
    private const string StateName = "state";
    private readonly List<AdoNetSiloServices> _silos = [];

    public void Dispose()
    {
        foreach (var silo in _silos) { silo.Dispose(); }
    }

    [Fact]
    public async Task Reading_a_grain_never_written_gives_a_fresh_state_without_ETag()
    {
        var storage = await OpenAsync();
        var state = new GrainState<AdoNetTestState>();

        await storage.ReadStateAsync(StateName, GrainId.Create("player", "nobody"), state);

        Assert.NotNull(state.State);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task Write_read_clear_round_trip()
    {
        var storage = await OpenAsync();
        var grain = GrainId.Create("player", "alice");
        var written = NewState("hello", 1);

        await storage.WriteStateAsync(StateName, grain, written);
        Assert.NotNull(written.ETag);
        Assert.True(written.RecordExists);

        var read = new GrainState<AdoNetTestState>();
        await storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal("hello", read.State!.Text);
        Assert.Equal(1, read.State!.Number);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);

        read.State!.Number = 2;
        var before = read.ETag;
        await storage.WriteStateAsync(StateName, grain, read);
        Assert.NotEqual(before, read.ETag);

        await storage.ClearStateAsync(StateName, grain, read);
        Assert.False(read.RecordExists);
        var afterClear = new GrainState<AdoNetTestState>();
        await storage.ReadStateAsync(StateName, grain, afterClear);
        Assert.False(afterClear.RecordExists);
        Assert.Equal(0, afterClear.State!.Number);
        // The cleared row keeps its version: what the grain holds now is what the next write must name.
        Assert.Equal(read.ETag, afterClear.ETag);
    }

    [Fact]
    public async Task Clear_then_write_again_works()
    {
        var storage = await OpenAsync();
        var grain = GrainId.Create("player", "bob");
        var state = NewState("one", 1);
        await storage.WriteStateAsync(StateName, grain, state);
        await storage.ClearStateAsync(StateName, grain, state);

        state.State = new AdoNetTestState { Text = "two", Number = 2 };
        await storage.WriteStateAsync(StateName, grain, state);

        var read = new GrainState<AdoNetTestState>();
        await storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal("two", read.State!.Text);
        Assert.True(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_with_a_stale_ETag_is_refused()
    {
        var storage = await OpenAsync();
        var grain = GrainId.Create("player", "carol");
        var first = NewState("first", 1);
        await storage.WriteStateAsync(StateName, grain, first);
        var stale = new GrainState<AdoNetTestState>();
        await storage.ReadStateAsync(StateName, grain, stale);
        await storage.WriteStateAsync(StateName, grain, first);

        stale.State!.Text = "lost update";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grain, stale));

        var read = new GrainState<AdoNetTestState>();
        await storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal("first", read.State!.Text);
    }

    [Fact]
    public async Task A_first_write_with_an_ETag_fails_when_there_is_no_row()
    {
        var storage = await OpenAsync();
        var state = NewState("ghost", 1);
        state.ETag = "12345";

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, GrainId.Create("player", "dave"), state));
    }

    [Fact]
    public async Task A_write_without_ETag_fails_when_another_activation_wrote_first()
    {
        var storage = await OpenAsync();
        var grain = GrainId.Create("player", "erin");
        await storage.WriteStateAsync(StateName, grain, NewState("winner", 1));

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, NewState("loser", 2)));
    }

    [Fact]
    public async Task Grains_of_different_types_with_the_same_key_do_not_collide()
    {
        var storage = await OpenAsync();
        // Same key and state name; only the grain type differs. Orleans' provider alone would share one row here.
        await storage.WriteStateAsync(StateName, GrainId.Create("player", "frank"), NewState("player", 1));
        await storage.WriteStateAsync(StateName, GrainId.Create("account", "frank"), NewState("account", 2));

        Assert.Equal("player", (await ReadAsync(storage, GrainId.Create("player", "frank"))).Text);
        Assert.Equal("account", (await ReadAsync(storage, GrainId.Create("account", "frank"))).Text);
    }

    [Fact]
    public async Task String_keys_that_read_as_numbers_or_guids_stay_distinct()
    {
        var storage = await OpenAsync();
        // Orleans reads "20" and "020" as the integer key 0x20 and the 32 digits as a GUID key; all must stay apart.
        string[] keys = ["20", "020", "0x20", "00000000000000000000000000000020", "00000000-0000-0000-0000-000000000020"];
        for (var i = 0; i < keys.Length; i++)
        {
            await storage.WriteStateAsync(StateName, GrainId.Create("counter", keys[i]), NewState(keys[i], i));
        }

        foreach (var key in keys)
        {
            Assert.Equal(key, (await ReadAsync(storage, GrainId.Create("counter", key))).Text);
        }
    }

    [Fact]
    public async Task Integer_and_guid_keyed_grains_with_extensions_round_trip()
    {
        var storage = await OpenAsync();
        var byInteger = GrainId.Create(GrainType.Create("orders"), GrainIdKeyExtensions.CreateIntegerKey(42, "eu"));
        var byGuid = GrainId.Create(GrainType.Create("orders"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), "us"));
        var plainInteger = GrainId.Create(GrainType.Create("orders"), GrainIdKeyExtensions.CreateIntegerKey(42));

        await storage.WriteStateAsync(StateName, byInteger, NewState("integer", 1));
        await storage.WriteStateAsync(StateName, byGuid, NewState("guid", 2));
        await storage.WriteStateAsync(StateName, plainInteger, NewState("plain", 3));

        Assert.Equal("integer", (await ReadAsync(storage, byInteger)).Text);
        Assert.Equal("guid", (await ReadAsync(storage, byGuid)).Text);
        Assert.Equal("plain", (await ReadAsync(storage, plainInteger)).Text);
    }

    [Fact]
    public async Task State_names_and_services_keep_grain_state_apart()
    {
        var serviceId = TestIds.New("service");
        var storage = await OpenAsync(serviceId);
        var otherService = await OpenAsync();
        var grain = GrainId.Create("player", "grace");
        await storage.WriteStateAsync("profile", grain, NewState("profile", 1));
        await storage.WriteStateAsync("inventory", grain, NewState("inventory", 2));

        Assert.Equal("profile", (await ReadAsync(storage, grain, "profile")).Text);
        Assert.Equal("inventory", (await ReadAsync(storage, grain, "inventory")).Text);
        Assert.Equal(string.Empty, (await ReadAsync(otherService, grain, "profile")).Text);
    }

    [Fact]
    public async Task DeleteStateOnClear_removes_the_row_and_a_new_write_starts_over()
    {
        var storage = await OpenAsync(configure: o => o.DeleteStateOnClear = true);
        var grain = GrainId.Create("player", "heidi");
        var state = NewState("doomed", 1);
        await storage.WriteStateAsync(StateName, grain, state);
        var etagBeforeDelete = state.ETag;

        await storage.ClearStateAsync(StateName, grain, state);

        Assert.Null(state.ETag);
        Assert.Equal(0L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_grain_state WHERE grain_id_extension = @key",
            ("key", PostgresAdoNetGrainStorage.StorageId(grain).Key.ToString()!)));
        state.State = new AdoNetTestState { Text = "reborn" };
        await storage.WriteStateAsync(StateName, grain, state);
        Assert.NotEqual(etagBeforeDelete, state.ETag);
        Assert.Equal("reborn", (await ReadAsync(storage, grain)).Text);
    }

    private static GrainState<AdoNetTestState> NewState(string text, int number) =>
        new() { State = new AdoNetTestState { Text = text, Number = number } };

    private static async Task<AdoNetTestState> ReadAsync(IGrainStorage storage, GrainId grain, string stateName = StateName)
    {
        var state = new GrainState<AdoNetTestState>();
        await storage.ReadStateAsync(stateName, grain, state);
        return state.State ?? throw new InvalidOperationException("The provider left no state.");
    }

    private async Task<IGrainStorage> OpenAsync(string? serviceId = null, Action<Orleans.Configuration.AdoNetGrainStorageOptions>? configure = null)
    {
        var services = new AdoNetSiloServices(database.ConnectionString, TestIds.New("cluster"), serviceId ?? TestIds.New("service"), configure);
        _silos.Add(services);
        var storage = services.Services.GetRequiredKeyedService<IGrainStorage>(AdoNetSiloServices.StorageName);
        // The provider loads its queries when the silo lifecycle reaches its stage.
        await TestSiloLifecycle.StartAsync(Assert.IsAssignableFrom<ILifecycleParticipant<ISiloLifecycle>>(storage));
        return storage;
    }
}
