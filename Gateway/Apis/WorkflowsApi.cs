using Microsoft.AspNetCore.Mvc;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>The workflow endpoints: create, execute, get, list, stats, verify.</summary>
internal static class WorkflowsApi
{
    public static IEndpointRouteBuilder MapWorkflowsApi(this IEndpointRouteBuilder routes)
    {
        var workflows = routes.MapGroup("/domains").WithTags("Workflows");
        workflows.MapPost("/workflows/create", (CreateWorkflowRequest request, IGrainFactory grains) =>
            Workflows(grains).Create(request)).WithName("CreateWorkflow")
            .WithSummary("Creates a workflow (saga) of steps with dependencies; unknown dependencies and cycles are refused.");
        workflows.MapPost("/workflows/execute/{id}", async (string id, [FromQuery(Name = "wait_seconds")] int? waitSeconds, IGrainFactory grains) =>
        {
            var workflow = await Workflows(grains).ExecuteWithinWaitAsync(id, waitSeconds);
            return WorkflowStatus.IsTerminal(workflow.Status) ? Results.Ok(workflow) : Results.Accepted($"/domains/workflows/{id}", workflow);
        }).WithName("ExecuteWorkflow")
            .WithSummary("Runs a created workflow: 200 with its final state, or 202 with its current state when it is still running after wait_seconds (default 30).");
        // "list" is a literal segment, so it wins over {id}.
        workflows.MapGet("/workflows/list", ([FromQuery(Name = "status")] string? status, [FromQuery(Name = "limit")] int? limit,
            [FromQuery(Name = "offset")] int? offset, IGrainFactory grains) =>
            Workflows(grains).List(status, limit, offset)).WithName("ListWorkflows")
            .WithSummary("Workflows newest first, optionally with one status; limit (default 50, at most 1000) and offset.");
        workflows.MapGet("/workflows/{id}", (string id, IGrainFactory grains) => Workflows(grains).Get(id)).WithName("GetWorkflow")
            .WithSummary("One workflow: its steps with status and output, the audit trail and the signed proof.");
        workflows.MapGet("/workflows/{id}/verify", (string id, IGrainFactory grains) => Workflows(grains).Verify(id)).WithName("VerifyWorkflow")
            .WithSummary("Recomputes the workflow's audit hash chain and checks the signature of its head.");
        workflows.MapGet("/workflows-stats", (IGrainFactory grains) => Workflows(grains).GetStats()).WithName("GetWorkflowStats")
            .WithSummary("Counts over every workflow.");
        return routes;
    }

    private static IWorkflowsGrain Workflows(IGrainFactory grains) => grains.GetGrain<IWorkflowsGrain>(IWorkflowsGrain.Key);
}
