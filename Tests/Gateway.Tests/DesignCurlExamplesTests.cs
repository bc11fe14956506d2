using System.Diagnostics;
using System.Text.Json;

namespace Rayswarm.Gateway.Tests;

/// <summary>The four curl examples of the original design (shared/design/domain-system.md, "Usage Examples"), run with
/// the real curl exactly as written there, only the address changed to the test gateway's.</summary>
public sealed class DesignCurlExamplesTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string RegisterDomain = """
        curl -X POST http://localhost:8000/domains/register \
          -H "Content-Type: application/json" \
          -d '{
            "domain_id": "ai_domain",
            "port": 8202,
            "capabilities": ["chat", "ml", "prediction"]
          }'
        """;

    private const string PublishEvent = """
        curl -X POST http://localhost:8000/domains/events/publish \
          -H "Content-Type: application/json" \
          -d '{
            "event_type": "ml.prediction",
            "source_domain": "ai_domain",
            "data": {"prediction": "positive"}
          }'
        """;

    private const string ContributeKnowledge = """
        curl -X POST http://localhost:8000/domains/memory/contribute \
          -H "Content-Type: application/json" \
          -d '{
            "domain_id": "ai_domain",
            "contribution_type": "optimization",
            "content": {
              "technique": "caching",
              "improvement": "2x faster"
            }
          }'
        """;

    private const string CreateWorkflow = """
        curl -X POST http://localhost:8000/domains/workflows/create \
          -H "Content-Type: application/json" \
          -d '{
            "name": "analyze_code",
            "steps": [
              {
                "domain_id": "memory_domain",
                "action": "search",
                "data": {}
              },
              {
                "domain_id": "ai_domain",
                "action": "analyze",
                "data": {},
                "depends_on": ["step_1"]
              }
            ]
          }'
        """;

    [Fact]
    public async Task Example_1_registers_the_domain()
    {
        var answer = await CurlAsync(RegisterDomain);
        Assert.Equal("ai_domain", answer.GetProperty("domain_id").GetString());
        var domain = await fixture.Http.GetJsonAsync("/domains/domain/ai_domain");
        Assert.Equal(8202, domain.Body.GetProperty("port").GetInt32());
    }

    [Fact]
    public async Task Example_2_publishes_the_event_into_the_history()
    {
        var answer = await CurlAsync(PublishEvent);
        var id = answer.GetProperty("event_id").GetString();
        var history = await fixture.Http.GetJsonAsync("/domains/events/history?event_type=ml.prediction");
        Assert.Contains(history.Body.GetProperty("events").EnumerateArray(), e => e.GetProperty("event_id").GetString() == id);
    }

    [Fact]
    public async Task Example_3_contributes_knowledge_that_a_query_finds()
    {
        var answer = await CurlAsync(ContributeKnowledge);
        var id = answer.GetProperty("contribution_id").GetString();
        var found = await fixture.Http.GetJsonAsync("/domains/memory/query?query=caching");
        Assert.Equal(200, found.Status);
        Assert.Contains(id!, found.Body.ToString());
    }

    [Fact]
    public async Task Example_4_creates_the_workflow()
    {
        var answer = await CurlAsync(CreateWorkflow);
        var id = answer.GetProperty("workflow_id").GetString();
        var workflow = await fixture.Http.GetJsonAsync($"/domains/workflows/{id}");
        Assert.Equal(200, workflow.Status);
        Assert.Equal("analyze_code", workflow.Body.GetProperty("name").GetString());
        Assert.Equal(2, workflow.Body.GetProperty("steps").GetArrayLength());
    }

    /// <summary>Runs the command with bash, pointed at the test gateway; asserts a 2xx and returns the JSON answer.</summary>
    private async Task<JsonElement> CurlAsync(string command)
    {
        var script = command.Replace("http://localhost:8000", fixture.Gateway.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal)
            + " --silent --show-error --fail-with-body";
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, $"curl exited {process.ExitCode}: {await stderr}\n{await stdout}");
        return JsonDocument.Parse(await stdout).RootElement.Clone();
    }
}
