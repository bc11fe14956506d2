using System.Text.Json;

namespace Rayswarm.Gateway.Tests;

/// <summary>Workflows with an approval step, for the tests of the expert's routes and of the review page: an endpoint domain's
/// step (its output is the patch to approve), then an approval of code, then the endpoint domain's apply.</summary>
public static class ApprovalWorkflows
{
    /// <summary>The endpoint domain's answer: each action returns <c>{"step", "patch": "rename x to y"}</c>; compensations succeed.</summary>
    public static void AnswerWithPatch(Testing.EndpointDomain remote) =>
        remote.Handler = (path, body) => Task.FromResult(path.EndsWith("/compensate", StringComparison.Ordinal)
            ? (200, "")
            : (200, JsonSerializer.Serialize(new { step = body.GetProperty("step_id").GetString(), patch = "rename x to y" })));

    /// <summary>Registers <paramref name="remote"/> as <paramref name="domain"/> (as <paramref name="registrar"/>), then creates and
    /// starts prepare → approval (of code, "Apply this patch?") → apply as <paramref name="starter"/>, and waits until the approval
    /// step waits. Returns the workflow id. (Rayswarm.Testing is named in full: Dashboard.Tests, which links this file, imports it
    /// globally and Gateway.Tests does not.)</summary>
    public static async Task<string> StartWaitingAsync(HttpClient registrar, HttpClient starter, Testing.EndpointDomain remote, string domain, string? timeout = null)
    {
        await registrar.PostOkAsync("/domains/register", new { domain_id = domain, endpoint = remote.Endpoint, capabilities = new[] { "approval-test" } });
        var created = await starter.PostOkAsync("/domains/workflows/create", new
        {
            name = "refactor",
            steps = new object[]
            {
                new { domain_id = domain, action = "prepare", data = new { file = "a.cs" } },
                timeout is null
                    ? new { type = "approval", domain_id = "code", prompt = "Apply this patch?", depends_on = new[] { "step_1" } }
                    : (object)new { type = "approval", domain_id = "code", prompt = "Apply this patch?", timeout, depends_on = new[] { "step_1" } },
                new { domain_id = domain, action = "apply", depends_on = new[] { "step_2" } },
            },
        });
        var id = created.GetProperty("workflow_id").GetString()!;
        await starter.PostOkAsync($"/domains/workflows/execute/{id}?wait_seconds=0", new { });
        await Testing.Eventually.True(async () => StepStatus(await starter.GetOkAsync($"/domains/workflows/{id}"), "step_2") == "waiting",
            "the approval step waits");
        return id;
    }

    public static string? StepStatus(JsonElement workflow, string stepId) => Step(workflow, stepId).GetProperty("status").GetString();

    public static JsonElement Step(JsonElement workflow, string stepId) =>
        workflow.GetProperty("steps").EnumerateArray().First(s => s.GetProperty("step_id").GetString() == stepId);

    /// <summary>The review id of the workflow's approval step <paramref name="stepId"/>.</summary>
    public static async Task<string> ReviewIdAsync(HttpClient http, string workflowId, string stepId = "step_2") =>
        Step(await http.GetOkAsync($"/domains/workflows/{workflowId}"), stepId).GetProperty("review_id").GetString()!;

    /// <summary>Waits until the workflow is completed, rolled back or failed, and returns it.</summary>
    public static async Task<JsonElement> FinishedAsync(HttpClient http, string id)
    {
        JsonElement workflow = default;
        await Testing.Eventually.True(async () =>
        {
            workflow = await http.GetOkAsync($"/domains/workflows/{id}");
            return workflow.GetProperty("status").GetString() is "completed" or "rolled_back" or "failed";
        }, $"workflow {id} finishes");
        return workflow;
    }

    public static JsonElement[] Audit(JsonElement workflow) => [.. workflow.GetProperty("audit").EnumerateArray()];
}
