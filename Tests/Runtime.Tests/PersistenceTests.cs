using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Tests;

public sealed class PersistenceTests : IAsyncLifetime
{
    private TestSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await TestSilo.StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private IGrainStorage Storage => _silo.Host.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);

    [Fact]
    public async Task State_is_read_before_activation_and_survives_deactivation()
    {
        var grain = _silo.Grains.GetGrain<ICounterGrain>(Gates.New());
        await grain.Add(3);
        await grain.Add(4);
        await DeactivateAsync(grain);

        Assert.Equal(7, await grain.Get());
    }

    [Fact]
    public async Task A_write_over_a_record_changed_elsewhere_is_a_conflict()
    {
        var grain = _silo.Grains.GetGrain<ICounterGrain>(Gates.New());
        await grain.Add(1);
        var etag = await grain.Etag();
        await Storage.WriteAsync(grain.GetGrainId(), "counter", """{"value":100}""", etag, default);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Add(1));
        Assert.Contains("ETag mismatch", error.Message);
    }

    [Fact]
    public async Task Clear_removes_the_record()
    {
        var grain = _silo.Grains.GetGrain<ICounterGrain>(Gates.New());
        await grain.Add(5);
        await grain.Clear();

        Assert.Null(await Storage.ReadAsync(grain.GetGrainId(), "counter", default));
        Assert.Null(await grain.Etag());
        Assert.Equal(0, await grain.Get());
        Assert.Equal(2, await grain.Add(2));
    }

    [Fact]
    public async Task Stored_state_survives_fields_added_and_removed()
    {
        var grain = _silo.Grains.GetGrain<ICounterGrain>(Gates.New());
        // A document written by an older version: an unknown field and no "history".
        await Storage.WriteAsync(grain.GetGrainId(), "counter", """{"value":41,"retiredField":"x"}""", null, default);

        Assert.Equal(42, await grain.Add(1));
        var stored = await Storage.ReadAsync(grain.GetGrainId(), "counter", default);
        using var json = JsonDocument.Parse(stored!.Json);
        Assert.Equal(42, json.RootElement.GetProperty("value").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task A_grain_asking_for_an_unregistered_storage_fails_with_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _silo.Grains.GetGrain<IUnstoredGrain>(Gates.New()).Get());
        Assert.Contains("storage 'missing'", error.Message);
    }

    private async Task DeactivateAsync(IGrain grain)
    {
        var catalog = _silo.Host.Services.GetRequiredService<SiloRuntime>().Catalog;
        var activation = catalog.Activations().Single(a => a.GrainId == grain.GetGrainId());
        await activation.StartDeactivation(DeactivationReason.ApplicationRequested).Within();
    }
}

public interface IUnstoredGrain : IGrainWithStringKey
{
    Task<int> Get();
}

public sealed class UnstoredGrain([PersistentState("s", "missing")] IPersistentState<CounterState> state) : Grain, IUnstoredGrain
{
    public Task<int> Get() => Task.FromResult(state.State.Value);
}
