using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Serialization.Tests;

/// <summary>A grain interface whose generated requests the codec tests send.</summary>
public interface ICalculatorGrain : IGrainWithStringKey, IRemindable
{
    Task<int> Add(int amount, string label);

    Task Reset();

    Task<Order?> Place(Order order, IPeerGrain? peer, Priority priority, DateTimeOffset? due);

    Task<List<IPeerGrain>> Peers(IGrain any, IReadOnlyList<IPeerGrain> peers, Dictionary<string, int[]> weights);
}
