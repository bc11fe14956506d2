namespace Rayswarm.Cli.Tests;

/// <summary>Workflow definitions written to temp files, for <c>rayswarm workflow create FILE</c>.</summary>
public static class WorkflowFiles
{
    /// <summary>Records a finding in the built-in memory domain, searches for it and announces it: completes with nothing else
    /// running. The contribution's domain, type and issue word carry <paramref name="tag"/>.</summary>
    public static string RecordFinding(string name, string tag) => Write($$$"""
        {
          "name": "{{{name}}}",
          "steps": [
            {"domain_id": "memory", "action": "contribute",
             "data": {"domain_id": "ops_{{{tag}}}", "contribution_type": "runbook", "content": {"issue": "{{{tag}}}", "fix": "raise the pool size" } } },
            {"domain_id": "memory", "action": "search", "data": {"query": "{{{tag}}}", "limit": 5}, "depends_on": ["step_1"]},
            {"domain_id": "events", "action": "publish", "data": {"event_type": "ops.{{{tag}}}", "data": {"issue": "{{{tag}}}" } }, "depends_on": ["step_1"]}
          ]
        }
        """);

    /// <summary>A first step that succeeds and a second whose domain is not registered anywhere: the workflow rolls back.</summary>
    public static string FailingSecondStep(string name, string tag) => Write($$$"""
        {
          "name": "{{{name}}}",
          "steps": [
            {"domain_id": "events", "action": "publish", "data": {"event_type": "ops.{{{tag}}}", "data": {} } },
            {"domain_id": "nowhere_{{{tag}}}", "action": "analyze", "data": {}, "depends_on": ["step_1"]}
          ]
        }
        """);

    public static string Tag() => Guid.NewGuid().ToString("N")[..12];

    public static string Write(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rayswarm-cli-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
