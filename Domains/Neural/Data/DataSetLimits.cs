namespace Rayswarm.Domains.Neural;

/// <summary>The sizes a data set must have.</summary>
public static class DataSetLimits
{
    /// <summary>The fewest rows a model is trained on (before the held-out split).</summary>
    public const int MinRows = 10;

    /// <summary>The most rows accepted inline.</summary>
    public const int MaxRows = 50_000;

    /// <summary>The most features per row.</summary>
    public const int MaxFeatures = 200;

    /// <summary>The most classes.</summary>
    public const int MaxClasses = 100;
}
