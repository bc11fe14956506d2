using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Serialization.Tests;

/// <summary>A hand-written <see cref="ICalculatorGrain"/> that records the calls a decoded request makes on it.</summary>
public sealed class RecordingCalculator : ICalculatorGrain
{
    public List<string> Calls { get; } = [];

    public List<object?> Arguments { get; } = [];

    public Task<int> Add(int amount, string label)
    {
        Calls.Add($"Add({amount}, {label})");
        return Task.FromResult(amount + label.Length);
    }

    public Task Reset()
    {
        Calls.Add("Reset()");
        return Task.CompletedTask;
    }

    public Task<Order?> Place(Order order, IPeerGrain? peer, Priority priority, DateTimeOffset? due)
    {
        Calls.Add($"Place({order.Customer}, {peer?.GetGrainId()}, {priority}, {due?.ToUnixTimeSeconds()})");
        Arguments.AddRange([order, peer, priority, due]);
        return Task.FromResult<Order?>(order);
    }

    public Task<List<IPeerGrain>> Peers(IGrain any, IReadOnlyList<IPeerGrain> peers, Dictionary<string, int[]> weights)
    {
        Calls.Add($"Peers({any.GetGrainId()}, {peers.Count}, {weights.Count})");
        Arguments.AddRange([any, peers, weights]);
        return Task.FromResult(peers.ToList());
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Calls.Add($"ReceiveReminder({reminderName}, {status.MissedTicks})");
        return Task.CompletedTask;
    }
}
