using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Serialization.Tests;

/// <summary>A grain interface that test values refer to.</summary>
public interface IPeerGrain : IGrainWithGuidKey
{
    Task Ping();
}

/// <summary>A derived grain interface: a reference through it must come back through it.</summary>
public interface IAdvancedPeerGrain : IPeerGrain
{
    Task<long> Rank(long? floor, Order.Line[] lines);
}
