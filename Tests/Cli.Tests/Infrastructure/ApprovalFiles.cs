namespace Rayswarm.Cli.Tests;

/// <summary>Workflow definitions with an approval step, written to temp files for <c>rayswarm workflow create FILE</c>.</summary>
public static class ApprovalFiles
{
    /// <summary>Publishes an event, waits for the approval of an expert of <c>memory</c> (prompt "Publish {tag}?"), then
    /// publishes again: runs over the built-in domains alone.</summary>
    public static string PublishAfterApproval(string name, string tag) => WorkflowFiles.Write($$$"""
        {
          "name": "{{{name}}}",
          "steps": [
            {"domain_id": "events", "action": "publish", "data": {"event_type": "review.{{{tag}}}", "data": {"issue": "{{{tag}}}"} } },
            {"type": "approval", "domain_id": "memory", "prompt": "Publish {{{tag}}}?", "timeout": "PT1H", "depends_on": ["step_1"]},
            {"domain_id": "events", "action": "publish", "data": {"event_type": "review.{{{tag}}}.done", "data": {} }, "depends_on": ["step_2"]}
          ]
        }
        """);

    /// <summary>A step routed by capability (never run) and an approval step with explicit approvers and timeout, for
    /// export and import.</summary>
    public static string CapabilityAndApproval(string name, string tag) => WorkflowFiles.Write($$$"""
        {
          "name": "{{{name}}}",
          "steps": [
            {"capability": "analysis_{{{tag}}}", "strategy": "round_robin", "action": "analyze", "data": {"file": "a.cs"}, "timeout_seconds": 45},
            {"type": "approval", "domain_id": "code", "prompt": "Apply {{{tag}}}?", "timeout": "PT2H30M",
             "approvers": ["expert:code", "operator"], "depends_on": ["step_1"]},
            {"domain_id": "events", "action": "publish", "data": {"event_type": "ops.{{{tag}}}", "data": {} }, "depends_on": ["step_2"]}
          ]
        }
        """);
}
