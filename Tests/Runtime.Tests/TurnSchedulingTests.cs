namespace Rayswarm.Runtime.Tests;

public sealed class TurnSchedulingTests : IAsyncLifetime
{
    private TestSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await TestSilo.StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task A_non_reentrant_grain_runs_one_request_at_a_time_in_arrival_order()
    {
        var grain = _silo.Grains.GetGrain<ITurnGrain>(Gates.New());
        string g1 = Gates.New(), g2 = Gates.New(), g3 = Gates.New();
        var first = grain.Hold(g1);
        await Gates.WhenEntered(g1).Within();
        var second = grain.Hold(g2);
        var third = grain.Hold(g3);

        Assert.False(Gates.HasEntered(g2), "the second request started while the first held the turn");
        Gates.Open(g1);
        await Gates.WhenEntered(g2).Within();
        Assert.False(Gates.HasEntered(g3));
        Gates.Open(g2);
        Gates.Open(g3);

        Assert.Equal(new[] { 1, 2, 3 }, await Task.WhenAll(first, second, third).Within());
        Assert.Equal(1, await grain.MaxConcurrency());
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_requests_but_runs_their_code_one_piece_at_a_time()
    {
        var grain = _silo.Grains.GetGrain<IReentrantTurnGrain>(Gates.New());
        var gates = Enumerable.Range(0, 8).Select(_ => Gates.New()).ToArray();
        var calls = gates.Select(g => grain.Hold(g)).ToArray();

        await Task.WhenAll(gates.Select(Gates.WhenEntered)).Within();
        foreach (var g in gates) { Gates.Open(g); }

        await Task.WhenAll(calls).Within();
        Assert.Equal(8, await grain.MaxConcurrency());
    }

    [Fact]
    public async Task Read_only_calls_interleave_with_each_other_but_not_with_a_write()
    {
        var grain = _silo.Grains.GetGrain<ITurnGrain>(Gates.New());
        string r1 = Gates.New(), r2 = Gates.New(), w = Gates.New(), r3 = Gates.New();
        var read1 = grain.ReadHold(r1);
        var read2 = grain.ReadHold(r2);
        await Task.WhenAll(Gates.WhenEntered(r1), Gates.WhenEntered(r2)).Within();

        var write = grain.Hold(w);
        var read3 = grain.ReadHold(r3);
        Gates.Open(r1);
        await read1.Within();
        Assert.False(Gates.HasEntered(w), "a write started while a read-only call held the grain");

        Gates.Open(r2);
        await Gates.WhenEntered(w).Within();
        Assert.False(Gates.HasEntered(r3), "a read-only call started while a write held the grain");
        Gates.Open(w);
        Gates.Open(r3);
        await Task.WhenAll(read2, write, read3).Within();
        Assert.Equal(2, await grain.MaxConcurrency());
    }

    [Fact]
    public async Task An_always_interleave_method_runs_while_another_request_holds_the_grain()
    {
        var grain = _silo.Grains.GetGrain<ITurnGrain>(Gates.New());
        string held = Gates.New(), interleaved = Gates.New();
        var holding = grain.Hold(held);
        await Gates.WhenEntered(held).Within();

        var interleaving = grain.InterleaveHold(interleaved);
        await Gates.WhenEntered(interleaved).Within();
        Gates.Open(interleaved);
        await interleaving.Within();
        Assert.False(holding.IsCompleted);

        Gates.Open(held);
        await holding.Within();
    }

    [Fact]
    public async Task Concurrent_first_calls_create_exactly_one_activation()
    {
        var key = Gates.New();
        var calls = Enumerable.Range(0, 200).Select(_ => Task.Run(() => _silo.Grains.GetGrain<ILifecycleGrain>(key).Ping())).ToArray();
        var results = await Task.WhenAll(calls).Within();

        Assert.Equal(1, LifecycleLog.Activations[key]);
        Assert.Equal(Enumerable.Range(1, 200), results.Order());
    }

    [Fact]
    public async Task A_stateless_worker_spreads_concurrent_calls_over_at_most_its_pool_size()
    {
        var key = Gates.New();
        var gates = Enumerable.Range(0, 4).Select(_ => Gates.New()).ToArray();
        var calls = gates.Select(g => _silo.Grains.GetGrain<IWorkerGrain>(key).Work(g)).ToArray();

        await Task.WhenAll(Gates.WhenEntered(gates[0]), Gates.WhenEntered(gates[1])).Within();
        Assert.False(Gates.HasEntered(gates[2]) || Gates.HasEntered(gates[3]), "more workers ran than the pool allows");
        foreach (var g in gates) { Gates.Open(g); }

        var workers = await Task.WhenAll(calls).Within();
        Assert.Equal(2, workers.Distinct().Count());
    }
}
