using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains.Tests;

/// <summary>The audit chain and its signature: valid as written, stable across a restart, broken by a tampered row.</summary>
public sealed class WorkflowAuditTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("rayswarm-wf-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDir, recursive: true);
    }

    private static async Task<WorkflowInfo> RunAsync(WorkflowSilo silo)
    {
        var created = await silo.Workflows.Create(new CreateWorkflowRequest("audited", [
            WorkflowTests.Step("alpha", "echo", "A"),
            WorkflowTests.Step("beta", "echo", "B", "step_1"),
        ]));
        return await silo.Workflows.Execute(created.WorkflowId, 20);
    }

    [Fact]
    public async Task The_audit_of_a_finished_workflow_verifies_and_links_every_entry()
    {
        await using var silo = await WorkflowSilo.StartAsync();
        var done = await RunAsync(silo);

        var verification = await silo.Workflows.Verify(done.WorkflowId);

        Assert.True(verification.Valid, string.Join("; ", verification.Problems));
        Assert.True(verification.ChainValid);
        Assert.True(verification.SignatureValid);
        Assert.Empty(verification.Problems);
        Assert.Equal(done.Audit.Count, verification.Entries);
        Assert.Equal(done.Audit[^1].Hash, verification.HeadHash);
        Assert.Equal(done.Proof.HeadHash, verification.HeadHash);
        Assert.Equal("ES256", done.Proof.Algorithm);
        Assert.Equal(WorkflowAudit.Genesis, done.Audit[0].PrevHash);
        for (var i = 1; i < done.Audit.Count; i++)
        {
            Assert.Equal(i, done.Audit[i].Index);
            Assert.Equal(done.Audit[i - 1].Hash, done.Audit[i].PrevHash);
            Assert.Equal(WorkflowAudit.HashOf(done.Audit[i]), done.Audit[i].Hash);
        }
    }

    [Fact]
    public async Task A_tampered_output_in_the_stored_row_fails_verification_after_a_restart()
    {
        WorkflowInfo done;
        await using (var silo = await WorkflowSilo.StartAsync(_dataDir))
        {
            done = await RunAsync(silo);
            Assert.True((await silo.Workflows.Verify(done.WorkflowId)).Valid);
        }
        await using (var silo = await WorkflowSilo.StartAsync(_dataDir))
        {
            var untouched = await silo.Workflows.Verify(done.WorkflowId);
            Assert.True(untouched.Valid, "after a restart, before tampering: " + string.Join("; ", untouched.Problems));
        }

        await TamperAsync(done.WorkflowId, row =>
        {
            var output = row["steps"]![0]!["output"]!;
            Assert.Equal("A", (string?)output["tag"]);
            output["tag"] = "forged";
        });

        await using (var silo = await WorkflowSilo.StartAsync(_dataDir))
        {
            var verification = await silo.Workflows.Verify(done.WorkflowId);
            Assert.Equal("forged", (await silo.Workflows.Get(done.WorkflowId)).Steps[0].Output!.Value.GetProperty("tag").GetString());
            Assert.False(verification.Valid);
            Assert.True(verification.ChainValid); // the chain itself was left alone…
            Assert.True(verification.SignatureValid);
            var problem = Assert.Single(verification.Problems); // …but the output no longer matches what it recorded
            Assert.StartsWith("steps[step_1].output does not match the hash recorded by audit[", problem);
        }
    }

    [Fact]
    public async Task A_rewritten_audit_entry_breaks_the_chain_and_the_signature()
    {
        WorkflowInfo done;
        await using (var silo = await WorkflowSilo.StartAsync(_dataDir))
        {
            done = await RunAsync(silo);
        }

        await TamperAsync(done.WorkflowId, row => row["audit"]![3]!["detail"] = "nothing to see");

        await using (var silo = await WorkflowSilo.StartAsync(_dataDir))
        {
            var verification = await silo.Workflows.Verify(done.WorkflowId);
            Assert.False(verification.Valid);
            Assert.False(verification.ChainValid);
            Assert.False(verification.SignatureValid);
            Assert.Contains("audit[3]: hash does not match the entry's content.", verification.Problems);
        }
    }

    private async Task TamperAsync(string workflowId, Action<JsonNode> change)
    {
        await using var connection = new SqliteConnection($"Data Source={WorkflowSilo.DatabasePath(_dataDir)}");
        await connection.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT data FROM grain_state WHERE grain_key = $key AND state_name = 'workflow'";
        read.Parameters.AddWithValue("$key", workflowId);
        var row = JsonNode.Parse((string)(await read.ExecuteScalarAsync())!)!;
        change(row);
        await using var write = connection.CreateCommand();
        write.CommandText = "UPDATE grain_state SET data = $data WHERE grain_key = $key AND state_name = 'workflow'";
        write.Parameters.AddWithValue("$data", row.ToJsonString());
        write.Parameters.AddWithValue("$key", workflowId);
        Assert.Equal(1, await write.ExecuteNonQueryAsync());
    }
}
