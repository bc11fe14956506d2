
namespace Rayswarm.Cluster.TestGrains;

/// <summary>Who served a call: the process, the silo and the activation.</summary>
[GenerateSerializer, Immutable, Alias("rayswarm.tests.Served")]
public sealed record Served(int ProcessId, string Silo, Guid Activation, long Value);

/// <summary>A persisted counter that tells who served each call.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one, persists, and tells who served the call and the new value.</summary>
    Task<Served> Increment();

    /// <summary>The value, and who served the call.</summary>
    [ReadOnly]
    Task<Served> Get();

    /// <summary>Calls <paramref name="next"/>'s Get (for call chains across silos).</summary>
    Task<Served> Relay(string next);

    /// <summary>Calls the first grain of <paramref name="path"/> with the rest; the last returns its key (call chains, cycles).</summary>
    Task<string> Follow(string[] path);

    /// <summary>Throws an <see cref="InvalidOperationException"/> with <paramref name="message"/>.</summary>
    Task Fail(string message);

    /// <summary>Deactivates after this call.</summary>
    Task Deactivate();
}

/// <summary>Serializable by Orleans (so allowed by any grain-state serializer, the ADO.NET provider's default included).</summary>
[GenerateSerializer, Alias("rayswarm.tests.CounterState")]
public sealed class CounterState
{
    [Id(0)]
    public long Value { get; set; }
}
