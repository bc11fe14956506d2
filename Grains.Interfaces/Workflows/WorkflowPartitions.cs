namespace Rayswarm.Grains.Interfaces;

/// <summary>How workflows are spread over index partitions: the registry's process-stable hash of the id.</summary>
public static class WorkflowPartitions
{
    /// <summary>The number of index partitions.</summary>
    public const int Count = RegistryPartitions.Count;

    /// <summary>The grain key of partition <paramref name="partition"/>: "workflows/{n}".</summary>
    public static string Key(int partition) => $"workflows/{partition}";

    /// <summary>The grain key of the partition that indexes <paramref name="workflowId"/>.</summary>
    public static string KeyOf(string workflowId) => Key(RegistryPartitions.Of(workflowId));
}
