using System.Text.Json;

namespace Rayswarm.Cli.Tests;

[Collection(CliGateway.Name)]
public sealed class TransferCommandTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Export_writes_knowledge_and_workflow_definitions_and_import_creates_them_again()
    {
        var tag = WorkflowFiles.Tag();
        var domain = "export_" + tag;
        var contributed = (await gateway.RunAsync("memory", "contribute", "--domain", domain, "--type", "pattern",
            "--content", $$"""{"technique": "caching {{tag}}", "improvement": "2x"}""", "--json")).Ok().Json();
        var name = "exported_" + tag;
        var original = (await gateway.RunAsync("workflow", "create", WorkflowFiles.RecordFinding(name, tag), "--json")).Ok().Json();
        var file = Path.Combine(Path.GetTempPath(), $"rayswarm-export-{tag}.json");

        var summary = (await gateway.RunAsync("export", "-o", file, "--json")).Ok().Json();
        Assert.Equal(file, summary.GetProperty("file").GetString());
        var export = JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement;
        Assert.Equal("rayswarm-export/1", export.GetProperty("format").GetString());
        var knowledge = Assert.Single(export.GetProperty("knowledge").EnumerateArray(), k => k.GetProperty("domain_id").GetString() == domain);
        Assert.Equal(contributed.GetProperty("contribution_id").GetString(), knowledge.GetProperty("contribution_id").GetString());
        Assert.Equal("caching " + tag, knowledge.GetProperty("content").GetProperty("technique").GetString());
        var definition = Assert.Single(export.GetProperty("workflows").EnumerateArray(), w => w.GetProperty("name").GetString() == name);
        Assert.Equal(3, definition.GetProperty("steps").GetArrayLength());

        var imported = (await gateway.RunAsync("import", file, "--json")).Ok().Json();
        Assert.Equal(export.GetProperty("knowledge").GetArrayLength(), imported.GetProperty("contributions").GetArrayLength());
        Assert.Equal(export.GetProperty("workflows").GetArrayLength(), imported.GetProperty("workflows").GetArrayLength());

        // The knowledge is there twice now: the original and its import, under a new id.
        var query = (await gateway.RunAsync("memory", "query", tag, "--domain", domain, "--json")).Ok().Json();
        var ids = query.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("contribution").GetProperty("contribution_id").GetString()).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Contains(contributed.GetProperty("contribution_id").GetString(), ids);

        // The workflow is there twice, with the same steps; the copy runs and its audit verifies.
        var copy = Assert.Single(imported.GetProperty("workflows").EnumerateArray(), w => w.GetProperty("from").GetString() == original.GetProperty("workflow_id").GetString());
        var copyId = copy.GetProperty("workflow_id").GetString()!;
        Assert.NotEqual(original.GetProperty("workflow_id").GetString(), copyId);
        var listed = (await gateway.RunAsync("list", "workflows", "--limit", "1000", "--json")).Ok().Json();
        Assert.Equal(2, listed.GetProperty("workflows").EnumerateArray().Count(w => w.GetProperty("name").GetString() == name));
        var shown = (await gateway.RunAsync("workflow", "show", copyId, "--json")).Ok().Json();
        Assert.Equal(Steps(original), Steps(shown));
        Assert.Equal("completed", (await gateway.RunAsync("workflow", "execute", copyId, "--wait", "--json")).Ok().Json().GetProperty("status").GetString());
        Assert.True((await gateway.RunAsync("workflow", "verify", copyId, "--json")).Ok().Json().GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Export_and_import_carry_capability_and_approval_steps_so_the_copy_has_the_same_definition()
    {
        var tag = WorkflowFiles.Tag();
        var name = "carried_" + tag;
        var original = (await gateway.RunAsync("workflow", "create", ApprovalFiles.CapabilityAndApproval(name, tag), "--json")).Ok().Json();
        var originalId = original.GetProperty("workflow_id").GetString()!;
        var file = Path.Combine(Path.GetTempPath(), $"rayswarm-export-{tag}.json");

        (await gateway.RunAsync("export", "--only", "workflows", "-o", file)).Ok();
        var exported = Definition(JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement, originalId);
        var steps = exported.GetProperty("steps").EnumerateArray().ToArray();
        // The capability step has not run: it exports its capability and strategy, not an empty domain_id.
        Assert.Equal(["step_id", "action", "data", "depends_on", "type", "capability", "strategy", "timeout_seconds"],
            steps[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal($"analysis_{tag}", steps[0].GetProperty("capability").GetString());
        Assert.Equal("round_robin", steps[0].GetProperty("strategy").GetString());
        Assert.Equal(45, steps[0].GetProperty("timeout_seconds").GetInt32());
        Assert.Equal("a.cs", steps[0].GetProperty("data").GetProperty("file").GetString());
        Assert.Equal("approval", steps[1].GetProperty("type").GetString());
        Assert.Equal("code", steps[1].GetProperty("domain_id").GetString());
        Assert.False(steps[1].TryGetProperty("action", out _));
        Assert.Equal($"Apply {tag}?", steps[1].GetProperty("prompt").GetString());
        Assert.Equal("PT2H30M", steps[1].GetProperty("timeout").GetString());
        Assert.Equal(["expert:code", "operator"], steps[1].GetProperty("approvers").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("publish", steps[2].GetProperty("action").GetString());

        var imported = (await gateway.RunAsync("import", file, "--json")).Ok().Json();
        var copyId = Assert.Single(imported.GetProperty("workflows").EnumerateArray(), w => w.GetProperty("from").GetString() == originalId)
            .GetProperty("workflow_id").GetString()!;

        // The copy exports to the same definition, step for step and field for field.
        var again = JsonDocument.Parse((await gateway.RunAsync("export", "--only", "workflows")).Ok().Output).RootElement;
        Assert.Equal(exported.GetProperty("steps").GetRawText(), Definition(again, copyId).GetProperty("steps").GetRawText());
        Assert.Equal(name, Definition(again, copyId).GetProperty("name").GetString());
        var copy = (await gateway.RunAsync("workflow", "show", copyId, "--json")).Ok().Json();
        var approval = copy.GetProperty("steps")[1];
        Assert.Equal("approval", approval.GetProperty("type").GetString());
        Assert.Equal("", copy.GetProperty("steps")[0].GetProperty("domain_id").GetString());
        Assert.Equal($"analysis_{tag}", copy.GetProperty("steps")[0].GetProperty("capability").GetString());
    }

    [Fact]
    public async Task Export_without_a_file_writes_the_document_to_stdout()
    {
        var tag = WorkflowFiles.Tag();
        await gateway.RunAsync("memory", "contribute", "--domain", "stdout_" + tag, "--type", "note", "--content", $$"""{"note": "{{tag}}"}""");

        var export = (await gateway.RunAsync("export", "--only", "knowledge")).Ok().Json();

        Assert.Equal("rayswarm-export/1", export.GetProperty("format").GetString());
        Assert.Contains(export.GetProperty("knowledge").EnumerateArray(), k => k.GetProperty("domain_id").GetString() == "stdout_" + tag);
        Assert.Equal(0, export.GetProperty("workflows").GetArrayLength());
    }

    [Fact]
    public async Task Import_of_a_file_that_is_not_an_export_exits_1_with_one_line()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rayswarm-notexport-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"format": "something-else", "knowledge": []}""");

        var result = await gateway.RunAsync("import", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("rayswarm: not an export of rayswarm: format must be 'rayswarm-export/1' (was 'something-else')", Assert.Single(result.ErrorLines));
    }

    private static JsonElement Definition(JsonElement export, string workflowId) =>
        Assert.Single(export.GetProperty("workflows").EnumerateArray(), w => w.GetProperty("workflow_id").GetString() == workflowId);

    private static string Steps(JsonElement workflow) => string.Join(";", workflow.GetProperty("steps").EnumerateArray().Select(s =>
        $"{s.GetProperty("step_id")}|{s.GetProperty("domain_id")}|{s.GetProperty("action")}|{s.GetProperty("data").GetRawText()}|{s.GetProperty("depends_on").GetRawText()}"));
}
