using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Domains.Code.Tests;

/// <summary>The code domain's worker grain in a real silo: findings contributed once per step or source, retracted by the
/// compensation, metrics read-only, bad input refused with <see cref="ArgumentException"/>.</summary>
public sealed class CodeDomainGrainTests : IAsyncLifetime
{
    private const string Flawed = "class Flawed\n{\n    async void Fire() { }\n    void Swallow() { try { } catch { } }\n}\n";

    private CodeSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await CodeSilo.StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private static JsonElement StepInput(object data, string workflowId, string stepId = "step_2") =>
        JsonSerializer.SerializeToElement(new
        {
            data,
            dependencies = new { },
            workflow_id = workflowId,
            step_id = stepId,
            idempotency_key = IdempotencyKeys.Action(workflowId, stepId),
        });

    private static JsonElement ToolInput(object data) => JsonSerializer.SerializeToElement(new { data });

    private async Task<string[]> FindingContributionsAsync() =>
        [.. (await _silo.Memory.Query(new MemoryQuery(null, ContributionType: CodeDomainGrain.FindingsType, Limit: 100))).Results
            .Select(r => r.Contribution.ContributionId)];

    [Fact]
    public async Task A_workflow_step_contributes_its_findings_once_and_its_compensation_retracts_them()
    {
        var input = StepInput(new { source = Flawed }, "wf_code_once");

        var first = await _silo.Code.Execute(CodeActions.Analyze, input);
        var again = await _silo.Code.Execute(CodeActions.Analyze, input);

        var id = first.GetProperty("contribution_id").GetString()!;
        Assert.Equal(id, again.GetProperty("contribution_id").GetString());
        Assert.Equal([id], await FindingContributionsAsync());
        var stored = await _silo.Memory.Get(id);
        Assert.Equal((CodeModule.Id, CodeDomainGrain.FindingsType), (stored.DomainId, stored.ContributionType));
        Assert.Equal(["async-void", "empty-catch"], stored.Content.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()));
        Assert.Equal([3, 4], stored.Content.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("line").GetInt32()));
        Assert.Equal(["async-void", "empty-catch"], first.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()));

        var verified = await _silo.Memory.Verify(id, new VerifyRequest("reviewer_domain"));
        Assert.Equal(1, verified.Verifications);

        await _silo.Code.Compensate(CodeActions.Analyze, input, first);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _silo.Memory.Get(id));
        await _silo.Code.Compensate(CodeActions.Analyze, input, first); // again: harmless
        Assert.Empty(await FindingContributionsAsync());
    }

    [Fact]
    public async Task A_compensation_whose_action_output_was_lost_retracts_by_the_steps_key()
    {
        var input = StepInput(new { source = Flawed }, "wf_code_lost");
        var output = await _silo.Code.Execute(CodeActions.Analyze, input);

        await _silo.Code.Compensate(CodeActions.Analyze, input, JsonSerializer.SerializeToElement<object?>(null));

        await Assert.ThrowsAsync<KeyNotFoundException>(() => _silo.Memory.Get(output.GetProperty("contribution_id").GetString()!));
    }

    [Fact]
    public async Task Outside_a_workflow_the_same_source_contributes_once_and_contribute_false_contributes_nothing()
    {
        var first = await _silo.Code.Execute(CodeActions.Analyze, ToolInput(new { source = Flawed }));
        var second = await _silo.Code.Execute(CodeActions.Analyze, ToolInput(new { source = Flawed }));
        var quiet = await _silo.Code.Execute(CodeActions.Analyze, ToolInput(new { source = Flawed + "// another\n", contribute = false }));

        Assert.Equal(first.GetProperty("contribution_id").GetString(), second.GetProperty("contribution_id").GetString());
        Assert.Equal(JsonValueKind.Null, quiet.GetProperty("contribution_id").ValueKind);
        Assert.Equal(2, quiet.GetProperty("totals").GetProperty("findings").GetInt32());
        Assert.Single(await FindingContributionsAsync());
    }

    [Fact]
    public async Task Metrics_answers_the_totals_and_contributes_nothing()
    {
        var totals = await _silo.Code.Execute(CodeActions.Metrics, ToolInput(new
        {
            files = new[] { new { path = "a.cs", source = Flawed }, new { path = "b.cs", source = "class B { int Twice(int x) => x > 0 ? x * 2 : 0; }" } },
        }));

        Assert.Equal((2, 6, 2, 3), (totals.GetProperty("files").GetInt32(), totals.GetProperty("lines").GetInt32(),
            totals.GetProperty("types").GetInt32(), totals.GetProperty("methods").GetInt32()));
        Assert.Equal((1.67, 2, 2), (totals.GetProperty("average_complexity").GetDouble(), totals.GetProperty("max_complexity").GetInt32(),
            totals.GetProperty("findings").GetInt32()));
        Assert.Empty(await FindingContributionsAsync());
        Assert.True(CodeActions.All.Single(a => a.Name == CodeActions.Metrics).ReadOnly);
    }

    [Theory]
    [InlineData("""{"source": ""}""", "source is empty")]
    [InlineData("""{"source": "   \n  "}""", "source is empty")]
    [InlineData("""{}""", "source (C# text) or files")]
    [InlineData("""{"source": "class {"}""", "does not parse")]
    [InlineData("""{"source": "class A { }", "files": [{"path": "a.cs", "source": "class A { }"}]}""", "either source or files")]
    [InlineData("""{"files": [{"path": "a.cs", "source": "class A { }"}, {"path": "a.cs", "source": "class B { }"}]}""", "given twice")]
    [InlineData("""{"files": []}""", "1 to 100 files")]
    [InlineData("""{"source": 42}""", "source must be a string")]
    public async Task Bad_input_is_refused_with_an_argument_exception_that_says_why(string data, string expected)
    {
        var input = JsonSerializer.SerializeToElement(new { data = JsonDocument.Parse(data).RootElement });

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => _silo.Code.Execute(CodeActions.Analyze, input));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_over_the_limit_and_an_unknown_action_are_refused()
    {
        var huge = ToolInput(new { source = "class A { }\n" + new string(' ', CodeLimits.MaxSourceChars) });

        var tooLarge = await Assert.ThrowsAsync<ArgumentException>(() => _silo.Code.Execute(CodeActions.Analyze, huge));
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => _silo.Code.Execute("refactor", ToolInput(new { source = "class A { }" })));

        Assert.Contains("too large", tooLarge.Message, StringComparison.Ordinal);
        Assert.Contains("analyze, metrics", unknown.Message, StringComparison.Ordinal);
    }
}
