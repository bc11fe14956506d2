namespace Rayswarm.Runtime.Abstractions;

/// <summary>Emitted once per assembly by the source generator: registers the assembly's proxies and grain classes.</summary>
public interface IGrainCodeModule
{
    /// <summary>Adds this assembly's interfaces and classes.</summary>
    void Register(GrainCodeRegistry registry);
}
