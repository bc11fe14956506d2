using System.Text.Json;

namespace Rayswarm.Benchmarks;

/// <summary>One scenario's figures: the contract's fields plus scenario-specific ones.</summary>
public sealed class BenchmarkResult(string scenario, double opsPerSec, double p50Us, double p99Us)
{
    private readonly Dictionary<string, object> _extra = [];

    public BenchmarkResult With(string name, object value)
    {
        _extra[name] = value;
        return this;
    }

    public string ToJson()
    {
        var fields = new Dictionary<string, object>
        {
            ["scenario"] = scenario,
            ["ops_per_sec"] = Math.Round(opsPerSec),
            ["p50_us"] = Math.Round(p50Us, 2),
            ["p99_us"] = Math.Round(p99Us, 2),
        };
        foreach (var (k, v) in _extra) { fields[k] = v is double d ? Math.Round(d, 3) : v; }
        return JsonSerializer.Serialize(fields);
    }
}
