using System.Runtime;
using System.Text.Json;

namespace Rayswarm.Benchmarks;

/// <summary>One scenario's figures: the contract's fields, the scenario's own, and what the machine was doing (the 1-minute
/// load average and this process's GC mode), because the 2-core development box is shared.</summary>
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
            ["p50_us"] = Math.Round(p50Us, 1),
            ["p99_us"] = Math.Round(p99Us, 1),
        };
        foreach (var (k, v) in _extra) { fields[k] = v is double d ? Math.Round(d, 3) : v; }
        fields.TryAdd("gc", (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? "" : "+concurrent")
            + (Environment.GetEnvironmentVariable("DOTNET_GCgen0size") is { Length: > 0 } gen0 ? $",gen0size={gen0}" : ""));
        fields.TryAdd("load_average", LoadAverage());
        return JsonSerializer.Serialize(fields);
    }

    /// <summary>The 1-minute load average (Linux), so a reader can tell a busy machine from a slow scenario.</summary>
    public static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (IOException) { return "n/a"; }
        catch (UnauthorizedAccessException) { return "n/a"; }
    }
}
