using System.Collections.Concurrent;
using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Cluster.Tests;

/// <summary>
/// After the load: waits (with a deadline) for the workflows to finish and the acknowledged events to be delivered, then
/// holds the cluster, read through the gateway, to what the load saw acknowledged.
/// </summary>
public sealed class ChaosChecker(GatewayTraffic gateway, MixedLoad load, DeliveredEvents delivered, Action<string> log)
{
    private const string Missing = "missing"; // GET /domains/workflows/{id} answered 404
    private static readonly TimeSpan ReadDeadline = TimeSpan.FromSeconds(30);
    private readonly Dictionary<string, string> _status = new(StringComparer.Ordinal); // workflow id → its last status read

    /// <summary>Waits until every workflow is terminal and every acknowledged event arrived at the endpoint domain, or the deadline.</summary>
    public async Task DrainAsync(TimeSpan deadline)
    {
        await Task.WhenAll(
            WaitAsync(() => Task.FromResult(load.AckedEvents.Keys.All(id => delivered.Count(id) > 0)), "every acknowledged event delivered", deadline),
            WaitAsync(async () => (await RefreshAsync(load.Workflows.Where(w => !Settled(w)))) == 0, "every workflow finished", deadline));
    }

    public async Task<ChaosFigures> CheckAsync(TimeSpan indexConvergence)
    {
        var logged = await LoggedEventsAsync();
        var contributions = await ContributionTokensAsync(MixedLoad.ContributionDomain);
        var leftBehind = (await ContributionTokensAsync(MixedLoad.RollbackDomain)).Values.ToHashSet(StringComparer.Ordinal);
        // A completed workflow's contribution is where its definition put it (a rollback one that completed: with the rollbacks).
        var workflowContributions = (await ContributionTokensAsync(MixedLoad.WorkflowDomain)).Values.Concat(leftBehind).ToHashSet(StringComparer.Ordinal);
        var workflows = load.Workflows.ToArray();
        var figures = new ChaosFigures
        {
            EventsAcked = load.AckedEvents.Count,
            EventsLost = load.AckedEvents.Keys.Count(id => !logged.Contains(id)),
            EventsUndelivered = load.AckedEvents.Keys.Count(id => logged.Contains(id) && delivered.Count(id) == 0),
            Duplicates = delivered.Duplicates,
            ContributionsAcked = load.AckedContributions.Count + workflows.Count(w => Status(w) == WorkflowStatus.Completed),
            ContributionsLost = load.AckedContributions.Keys.Count(id => !contributions.ContainsKey(id))
                + workflows.Count(w => Status(w) == WorkflowStatus.Completed && !workflowContributions.Contains(w.Token)),
            Workflows = workflows.Length,
            WorkflowsStuck = workflows.Count(w => !Settled(w)),
            WrongOutcome = workflows.Count(w => Settled(w) && Status(w) != w.Expected),
            SideEffectsLeft = workflows.Count(w => w.MeantToRollBack && Settled(w) && leftBehind.Contains(w.Token)),
            IndexMismatch = await IndexMismatchAsync(workflows, indexConvergence),
        };
        foreach (var w in workflows.Where(w => !Settled(w) || Status(w) != w.Expected).Take(10))
        {
            log($"workflow {w.WorkflowId} meant to end {w.Expected} is {Status(w)}");
        }
        return figures;
    }

    private string Status(LoadWorkflow workflow) => _status.GetValueOrDefault(workflow.WorkflowId, WorkflowStatus.Created);

    /// <summary>Terminal, or gone (which no waiting mends).</summary>
    private bool Settled(LoadWorkflow workflow) => Status(workflow) is Missing || WorkflowStatus.IsTerminal(Status(workflow));

    /// <summary>Reads the status of <paramref name="workflows"/> (a few at a time); returns how many are not settled.</summary>
    private async Task<int> RefreshAsync(IEnumerable<LoadWorkflow> workflows)
    {
        var read = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(workflows, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (w, ct) =>
        {
            var answer = await gateway.GetAsync($"/domains/workflows/{w.WorkflowId}", ct);
            if (answer.Ok) { read[w.WorkflowId] = answer.Text("status"); }
            else if (answer.Status == 404) { read[w.WorkflowId] = Missing; }
        });
        foreach (var (id, status) in read) { _status[id] = status; }
        return load.Workflows.Count(w => !Settled(w));
    }

    /// <summary>Workflows whose row in <c>/domains/workflows/list</c> disagrees with <c>GET /domains/workflows/{id}</c> (or is
    /// absent) once the list had <paramref name="convergence"/> to catch up.</summary>
    private async Task<int> IndexMismatchAsync(LoadWorkflow[] workflows, TimeSpan convergence)
    {
        var disagreeing = workflows;
        await WaitAsync(async () =>
        {
            var listed = await ListedAsync();
            await RefreshAsync(disagreeing.Where(w => !Settled(w)));
            disagreeing = [.. disagreeing.Where(w => listed.GetValueOrDefault(w.WorkflowId, Missing) != Status(w))];
            return disagreeing.Length == 0;
        }, "the workflow list agrees with each workflow", convergence);
        foreach (var w in disagreeing.Take(10)) { log($"workflow {w.WorkflowId} is {Status(w)} but the list says otherwise"); }
        return disagreeing.Length;
    }

    private async Task<HashSet<string>> LoggedEventsAsync()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (long after = 0; ;)
        {
            var page = await ReadAsync($"/domains/events/history?event_type={MixedLoad.EventType}&after={after}&limit=1000");
            foreach (var e in page.GetProperty("events").EnumerateArray()) { ids.Add(e.GetProperty("event_id").GetString()!); }
            after = page.GetProperty("next_position").GetInt64();
            if (!page.GetProperty("has_more").GetBoolean()) { return ids; }
        }
    }

    /// <summary>The contributions stored under <paramref name="domain"/>: id → the token of their content.</summary>
    private async Task<Dictionary<string, string>> ContributionTokensAsync(string domain)
    {
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var offset = 0; ;)
        {
            var page = await ReadAsync($"/domains/memory/domain/{domain}?limit=100&offset={offset}");
            var contributions = page.GetProperty("contributions");
            foreach (var c in contributions.EnumerateArray())
            {
                tokens[c.GetProperty("contribution_id").GetString()!] = c.GetProperty("content").GetProperty("token").GetString()!;
            }
            offset += contributions.GetArrayLength();
            if (contributions.GetArrayLength() == 0 || offset >= page.GetProperty("total").GetInt32()) { return tokens; }
        }
    }

    /// <summary>Every row of the workflow list: id → status.</summary>
    private async Task<Dictionary<string, string>> ListedAsync()
    {
        var listed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var offset = 0; ;)
        {
            var page = await ReadAsync($"/domains/workflows/list?limit=1000&offset={offset}");
            var rows = page.GetProperty("workflows");
            foreach (var row in rows.EnumerateArray()) { listed[row.GetProperty("workflow_id").GetString()!] = row.GetProperty("status").GetString()!; }
            offset += rows.GetArrayLength();
            if (rows.GetArrayLength() == 0 || offset >= page.GetProperty("total").GetInt32()) { return listed; }
        }
    }

    /// <summary>GET until it answers 200 (the cluster may be between silos), for up to <see cref="ReadDeadline"/>.</summary>
    private async Task<JsonElement> ReadAsync(string path)
    {
        var answer = GatewayAnswer.None;
        try
        {
            await Eventually.True(async () => (answer = await gateway.GetAsync(path, CancellationToken.None)).Ok,
                $"GET {path} answered 200", (int)ReadDeadline.TotalMilliseconds);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; the last answer was {answer.Status}: {answer.Body}", e);
        }
        return answer.Body;
    }

    /// <summary>Waits for <paramref name="condition"/> until <paramref name="deadline"/>; says so when it did not hold by then
    /// (the figures then count what is missing).</summary>
    private async Task WaitAsync(Func<Task<bool>> condition, string what, TimeSpan deadline)
    {
        try { await Eventually.True(condition, what, (int)deadline.TotalMilliseconds); }
        catch (TimeoutException) { log($"not within {deadline.TotalSeconds} s: {what}"); }
    }
}
