using System.Globalization;

namespace Rayswarm.Cli;

/// <summary>What <c>rayswarm benchmark</c> calls: one request of a gateway route, made fresh for each call.</summary>
internal sealed record BenchmarkTarget(string Name, HttpMethod Method, Func<long, string> Path, Func<long, string?> Body)
{
    public static readonly IReadOnlyDictionary<string, BenchmarkTarget> All = new Dictionary<string, BenchmarkTarget>
    {
        ["publish"] = new("publish", HttpMethod.Post, _ => "/domains/events/publish", n =>
            """{"event_type":"cli.benchmark","source_domain":"rayswarm_cli","data":{"n":""" + n.ToString(CultureInfo.InvariantCulture) + "}}"),
        ["health"] = new("health", HttpMethod.Get, _ => "/domains/system/health", _ => null),
        ["overview"] = new("overview", HttpMethod.Get, _ => "/domains/system/overview", _ => null),
        ["rates"] = new("rates", HttpMethod.Get, _ => "/domains/events/rates", _ => null),
        ["query"] = new("query", HttpMethod.Get, _ => "/domains/memory/query?query=benchmark&limit=5", _ => null),
        ["domains"] = new("domains", HttpMethod.Get, _ => "/domains/list", _ => null),
    };
}
