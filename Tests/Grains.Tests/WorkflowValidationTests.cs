using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>The rules of <see cref="CreateWorkflowRequest.Validate"/>, and that the grains apply them.</summary>
public sealed class WorkflowValidationTests
{
    private static WorkflowStepRequest Step(string domain = "alpha", string action = "echo", string[]? dependsOn = null, string? id = null) =>
        new(domain, action, null, dependsOn, id);

    private static string Refused(string name, params WorkflowStepRequest[] steps) =>
        MessageOf(Assert.Throws<ArgumentException>(() => new CreateWorkflowRequest(name, steps).Validate()));

    /// <summary>The message as a caller on another silo sees it: without the " (Parameter 'x')" a local exception adds.</summary>
    private static string MessageOf(ArgumentException e) => e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);

    [Fact]
    public void Steps_get_positional_ids_unless_they_name_themselves()
    {
        var ids = new CreateWorkflowRequest("w", [Step(), Step(id: "fetch"), Step(dependsOn: ["step_1", "fetch"])]).Validate();

        Assert.Equal(["step_1", "fetch", "step_3"], ids);
    }

    [Fact]
    public void An_unknown_dependency_is_refused_naming_the_step_and_the_dependency()
    {
        Assert.Equal("steps[1].depends_on: unknown step 'step_9'.", Refused("w", Step(), Step(dependsOn: ["step_9"])));
    }

    [Fact]
    public void A_cycle_is_refused_naming_it()
    {
        var message = Refused("w", Step(dependsOn: ["step_3"]), Step(dependsOn: ["step_1"]), Step(dependsOn: ["step_2"]));

        Assert.Equal("steps: depends_on forms a cycle: step_1 -> step_3 -> step_2 -> step_1.", message);
    }

    [Fact]
    public void A_step_depending_on_itself_is_refused()
    {
        Assert.Equal("steps[0].depends_on: step 'step_1' depends on itself.", Refused("w", Step(dependsOn: ["step_1"])));
    }

    [Theory]
    [InlineData("", "name is required.")]
    [InlineData("  ", "name is required.")]
    public void A_workflow_needs_a_name(string name, string expected) => Assert.Equal(expected, Refused(name, Step()));

    [Fact]
    public void A_workflow_needs_between_one_and_a_hundred_steps()
    {
        Assert.Equal("steps must list at least one step.", Refused("w"));
        Assert.Equal("steps must list at least one step.", MessageOf(Assert.Throws<ArgumentException>(() => new CreateWorkflowRequest("w", null!).Validate())));
        Assert.StartsWith("steps may list at most 100 steps", Refused("w", [.. Enumerable.Repeat(Step(), 101)]));
        Assert.Equal(100, new CreateWorkflowRequest("w", [.. Enumerable.Repeat(Step(), 100)]).Validate().Count);
    }

    [Fact]
    public void Each_step_needs_a_valid_domain_and_an_action()
    {
        Assert.Equal("steps[1].domain_id is required.", Refused("w", Step(), Step(domain: "")));
        Assert.StartsWith("steps[0].domain_id may contain only", Refused("w", Step(domain: "a b")));
        Assert.Equal("steps[0].action is required.", Refused("w", Step(action: " ")));
        Assert.StartsWith("steps[0].timeout_seconds must be between 1", Refused("w", Step() with { TimeoutSeconds = 0 }));
    }

    [Fact]
    public void Explicit_ids_must_be_valid_and_must_not_clash()
    {
        Assert.StartsWith("steps[0].step_id must be", Refused("w", Step(id: "no spaces")));
        Assert.Equal("steps[1].step_id: 'step_1' is already the id of steps[0].", Refused("w", Step(), Step(id: "step_1")));
        Assert.Equal("steps[1].step_id: 'x' is already the id of steps[0].", Refused("w", Step(id: "x"), Step(id: "x")));
    }

    [Fact]
    public async Task The_entry_grain_refuses_invalid_workflows_before_creating_anything()
    {
        await using var silo = await WorkflowSilo.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            silo.Workflows.Create(new CreateWorkflowRequest("w", [Step(), Step(dependsOn: ["step_9"])])));
        var cycle = await Assert.ThrowsAsync<ArgumentException>(() =>
            silo.Workflows.Create(new CreateWorkflowRequest("w", [Step(dependsOn: ["step_2"]), Step(dependsOn: ["step_1"])])));
        var direct = await Assert.ThrowsAsync<ArgumentException>(() =>
            silo.Grains.GetGrain<IWorkflowGrain>("wf_direct").Create(new CreateWorkflowRequest("", [Step()])));

        Assert.Equal("steps[1].depends_on: unknown step 'step_9'.", MessageOf(error));
        Assert.Contains("cycle: step_1 -> step_2 -> step_1", cycle.Message);
        Assert.Equal("name is required.", MessageOf(direct));
        Assert.Equal(0, (await silo.Workflows.GetStats()).TotalWorkflows);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => silo.Workflows.Get("wf_direct"));
    }

    [Fact]
    public async Task Creating_over_an_existing_workflow_is_a_conflict()
    {
        await using var silo = await WorkflowSilo.StartAsync();
        var workflow = silo.Grains.GetGrain<IWorkflowGrain>("wf_fixed");
        await workflow.Create(new CreateWorkflowRequest("w", [Step()]));

        await Assert.ThrowsAsync<ConflictException>(() => workflow.Create(new CreateWorkflowRequest("w", [Step()])));
    }
}
