namespace Rayswarm.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project Benchmarks -- &lt;scenario&gt; [--duration &lt;seconds&gt;] [--count &lt;n&gt;] [--variant &lt;name&gt;]</c>.
/// Prints progress to stderr and, as the last line on stdout, one JSON object with the scenario's figures.
/// </summary>
public static class BenchmarkRunner
{
    private static readonly Dictionary<string, Func<BenchmarkArguments, Task<BenchmarkResult>>> s_scenarios = new(StringComparer.Ordinal)
    {
        ["local-calls"] = LocalCallsScenario.RunAsync,
        ["activations"] = ActivationsScenario.RunAsync,
        ["cross-silo-calls"] = CrossSiloCallsScenario.RunAsync,
        ["failover"] = FailoverScenario.RunAsync,
        ["events"] = EventsScenario.RunAsync,
        ["workflows"] = WorkflowsScenario.RunAsync,
        ["chaos"] = ChaosScenario.RunAsync,
        ["dashboard-overhead"] = DashboardOverheadScenario.RunAsync,
        ["mcp-calls"] = McpCallsScenario.RunAsync,
        ["code-analyze"] = CodeAnalyzeScenario.RunAsync,
        ["capability-routing"] = CapabilityRoutingScenario.RunAsync,
        ["approvals-waiting"] = ApprovalsWaitingScenario.RunAsync,
        ["documents-search"] = DocumentsSearchScenario.RunAsync,
        ["neural-train"] = NeuralTrainScenario.RunAsync,
        ["swarm-orchestrate"] = SwarmOrchestrateScenario.RunAsync,
        ["swarm-spawn"] = SwarmSpawnScenario.RunAsync,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !s_scenarios.TryGetValue(args[0], out var scenario))
        {
            await Console.Error.WriteLineAsync(
                $"usage: Benchmarks <scenario> [--duration <seconds>] [--count <n>] [--variant <name>]\nscenarios: {string.Join(", ", s_scenarios.Keys)}");
            return 2;
        }
        BenchmarkArguments arguments;
        try { arguments = BenchmarkArguments.Parse(args.AsSpan(1)); }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
#if DEBUG
        await Console.Error.WriteLineAsync("warning: a Debug build; measure with -c Release");
#endif
        var result = await scenario(arguments);
        Console.WriteLine(result.ToJson());
        return 0;
    }
}
