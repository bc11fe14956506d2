namespace Rayswarm.Runtime.Abstractions;

/// <summary>The silo a grain runs in (for diagnostics and tests; grains must not depend on where they run).</summary>
public interface ILocalSiloDetails
{
    /// <summary>The silo's name (machine or pod name).</summary>
    string Name { get; }

    /// <summary>The silo's address ("host:port@generation"), or "local" for a silo outside any cluster.</summary>
    string Address { get; }
}
