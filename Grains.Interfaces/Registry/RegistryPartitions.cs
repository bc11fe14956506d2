namespace Rayswarm.Grains.Interfaces;

/// <summary>How domains are spread over index partitions: by a hash of the domain id that is the same in every process.</summary>
public static class RegistryPartitions
{
    /// <summary>The number of index partitions.</summary>
    public const int Count = 16;

    /// <summary>The partition of <paramref name="domainId"/>, in [0, <see cref="Count"/>).</summary>
    public static int Of(string domainId)
    {
        ArgumentNullException.ThrowIfNull(domainId);
        var h = 2166136261u; // FNV-1a: string.GetHashCode differs between processes.
        foreach (var c in domainId) { h = (h ^ c) * 16777619u; }
        return (int)(h % Count);
    }

    /// <summary>The grain key of partition <paramref name="partition"/>: "registry/{n}".</summary>
    public static string Key(int partition) => $"registry/{partition}";

    /// <summary>The grain key of the partition that indexes <paramref name="domainId"/>.</summary>
    public static string KeyOf(string domainId) => Key(Of(domainId));
}
