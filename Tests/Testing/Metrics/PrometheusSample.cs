namespace Rayswarm.Testing;

/// <summary>One sample line of a Prometheus text exposition: <c>name{label="value",…} value</c>.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>Whether every label of <paramref name="labels"/> is on this sample with that value.</summary>
    public bool Has(IReadOnlyDictionary<string, string> labels) =>
        labels.All(l => Labels.TryGetValue(l.Key, out var value) && value == l.Value);
}
