namespace Rayswarm.Cli.Tests;

[Collection(CliGateway.Name)]
public sealed class ListCommandTests(GatewayFixture gateway)
{
    [Fact]
    public async Task List_domains_shows_a_registered_domain_in_the_table_and_in_json()
    {
        var id = "cli_" + WorkflowFiles.Tag();
        await gateway.Http.PostOkAsync("/domains/register", new { domain_id = id, port = 8202, capabilities = new[] { "cli_capability" } });

        var json = (await gateway.RunAsync("list", "domains", "--json")).Ok().Json();
        var domain = Assert.Single(json.GetProperty("domains").EnumerateArray(), d => d.GetProperty("domain_id").GetString() == id);
        Assert.Equal("cli_capability", Assert.Single(domain.GetProperty("capabilities").EnumerateArray()).GetString());
        Assert.Equal(json.GetProperty("domains").GetArrayLength(), json.GetProperty("count").GetInt32());

        var table = (await gateway.RunAsync("list", "domains")).Ok().Output;
        Assert.Contains(id, table, StringComparison.Ordinal);
        Assert.Contains("cli_capability", table, StringComparison.Ordinal);
        Assert.Contains("memory", table, StringComparison.Ordinal); // the built-in domains are listed too
    }

    [Fact]
    public async Task List_workflows_shows_a_created_workflow_with_its_status()
    {
        var name = "list_" + WorkflowFiles.Tag();
        var created = (await gateway.RunAsync("workflow", "create", WorkflowFiles.RecordFinding(name, WorkflowFiles.Tag()), "--json")).Ok().Json();
        var id = created.GetProperty("workflow_id").GetString()!;

        var json = (await gateway.RunAsync("list", "workflows", "--status", "created", "--json")).Ok().Json();
        var listed = Assert.Single(json.GetProperty("workflows").EnumerateArray(), w => w.GetProperty("workflow_id").GetString() == id);
        Assert.Equal(name, listed.GetProperty("name").GetString());
        Assert.Equal("created", listed.GetProperty("status").GetString());
        Assert.Equal(3, listed.GetProperty("steps").GetInt32());

        var table = (await gateway.RunAsync("list", "workflows")).Ok().Output;
        Assert.Contains(name, table, StringComparison.Ordinal);
        Assert.Contains("0/3", table, StringComparison.Ordinal);
    }
}
