using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Tests;

/// <summary>Methods that hold their turn until a test opens a gate, to observe interleaving.</summary>
public interface ITurnGrain : IGrainWithStringKey
{
    Task<int> Hold(string gate);

    [ReadOnly]
    Task<int> ReadHold(string gate);

    [AlwaysInterleave]
    Task<int> InterleaveHold(string gate);

    /// <summary>How many turns are inside this grain's code right now, at most ever.</summary>
    [AlwaysInterleave]
    Task<int> MaxConcurrency();
}
