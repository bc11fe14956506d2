
namespace Rayswarm.Cluster.TestGrains;

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    private readonly Guid _activation = Guid.NewGuid();

    /// <summary>The address of the silo that runs the grain.</summary>
    public static string SiloName(IServiceProvider services) => ((ILocalSiloDetails)services.GetService(typeof(ILocalSiloDetails))!).SiloAddress.ToParsableString();

    public async Task<Served> Increment()
    {
        state.State.Value++;
        await state.WriteStateAsync();
        return Served();
    }

    public Task<Served> Get() => Task.FromResult(Served());

    public Task<Served> Relay(string next) => GrainFactory.GetGrain<ICounterGrain>(next).Get();

    public async Task<string> Follow(string[] path) =>
        path.Length == 0 ? this.GetPrimaryKeyString() : this.GetPrimaryKeyString() + ">" + await GrainFactory.GetGrain<ICounterGrain>(path[0]).Follow(path[1..]);

    public Task Fail(string message) => throw new InvalidOperationException(message);

    public Task Deactivate()
    {
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private Served Served() => new(Environment.ProcessId, SiloName(GrainContext.ActivationServices), _activation, state.State.Value);
}

[HashBasedPlacement]
public sealed class HashedGrain : Grain, IHashedGrain
{
    public Task<string> Silo() => Task.FromResult(CounterGrain.SiloName(GrainContext.ActivationServices));
}

public interface IHashedGrain : IGrainWithStringKey
{
    Task<string> Silo();
}

[PreferLocalPlacement]
public sealed class LocalGrain : Grain, ILocalGrain
{
    public Task<string> Silo() => Task.FromResult(CounterGrain.SiloName(GrainContext.ActivationServices));

    public Task Deactivate()
    {
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

public interface ILocalGrain : IGrainWithStringKey
{
    Task<string> Silo();

    Task Deactivate();
}

[ActivationCountBasedPlacement]
public sealed class LeastLoadedGrain : Grain, ILeastLoadedGrain
{
    public Task<string> Silo() => Task.FromResult(CounterGrain.SiloName(GrainContext.ActivationServices));
}

public interface ILeastLoadedGrain : IGrainWithStringKey
{
    Task<string> Silo();
}
