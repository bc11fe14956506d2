using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>The silo's identity; the address is set once the silo joined its cluster.</summary>
internal sealed class LocalSiloDetails : ILocalSiloDetails
{
    public string Name { get; set; } = Environment.MachineName;

    public SiloAddress? Silo { get; set; }

    public string Address => Silo?.ToString() ?? "local";
}
