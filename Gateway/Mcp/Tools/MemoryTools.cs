using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol.Server;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>The shared memory as MCP tools (the same grain and rules as <c>/domains/memory</c> over HTTP).</summary>
[McpServerToolType]
public sealed class MemoryTools(IGrainFactory grains)
{
    private ISharedMemoryGrain Memory => grains.GetGrain<ISharedMemoryGrain>(ISharedMemoryGrain.Key);

    [McpServerTool(Name = "contribute_knowledge", Idempotent = false, Destructive = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Shares a piece of knowledge in the shared memory (starting at confidence 0.5) and announces memory.contributed. Returns the contribution with its contribution_id.")]
    [McpScope(McpScopes.Write)]
    public Task<Contribution> ContributeKnowledge(
        [Description("The contributing domain's id.")] string domain_id,
        [Description("What kind of knowledge, e.g. \"optimization\" or \"pattern\": letters, digits, '_', '-' and '.', at most 100 characters.")] string contribution_type,
        [Description("The knowledge itself: a non-empty JSON object of at most 64 KiB.")] Dictionary<string, JsonElement> content) =>
        Memory.Contribute(new ContributeRequest(domain_id, contribution_type, JsonSerializer.SerializeToElement(content ?? [])));

    [McpServerTool(Name = "query_knowledge", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Searches the shared memory: every word must occur in a contribution's type, keys or text values; results are ranked by relevance × confidence. Without a query, lists contributions by confidence.")]
    [McpScope(McpScopes.Read)]
    public Task<MemoryQueryResult> QueryKnowledge(
        [Description("Words to look for, e.g. \"port timeout\"; empty lists everything.")] string? query = null,
        [Description("Only contributions at least this confident, 0-1 (default 0).")] double min_confidence = 0,
        [Description("Only contributions of this type.")] string? contribution_type = null,
        [Description("Only contributions of this domain.")] string? domain_id = null,
        [Description("The most results, 1-100 (default 20).")] int limit = MemoryQuery.DefaultLimit) =>
        Memory.Query(new MemoryQuery(query, min_confidence, Blank(contribution_type), Blank(domain_id), limit));

    [McpServerTool(Name = "verify_knowledge", Idempotent = false, Destructive = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Another domain confirms (valid, the default) or rejects a contribution, which moves its confidence; each domain verifies a contribution once and never its own. Returns the contribution.")]
    [McpScope(McpScopes.Write)]
    public Task<Contribution> VerifyKnowledge(
        [Description("The contribution's id (from contribute_knowledge or query_knowledge).")] string contribution_id,
        [Description("The verifying domain; not the contributor.")] string domain_id,
        [Description("true confirms the contribution, false rejects it (default true).")] bool valid = true,
        [Description("Why, optional (at most 1000 characters).")] string? notes = null) =>
        Memory.Verify(contribution_id, new VerifyRequest(domain_id, valid, notes));

    [McpServerTool(Name = "apply_knowledge", Idempotent = false, Destructive = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Reports applying a contribution with its outcome (\"success\" or \"failure\"), which moves its confidence. Returns the contribution.")]
    [McpScope(McpScopes.Write)]
    public Task<Contribution> ApplyKnowledge(
        [Description("The contribution's id.")] string contribution_id,
        [Description("The domain that applied it (the contributor too).")] string domain_id,
        [Description("\"success\" or \"failure\".")] string outcome,
        [Description("What happened, optional (at most 1000 characters).")] string? notes = null) =>
        Memory.Apply(contribution_id, new ApplyRequest(domain_id, outcome, notes));

    [McpServerTool(Name = "retract_knowledge", Idempotent = false, Destructive = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Takes a contribution back: deletes it with its verifications and applications and announces memory.retracted with the reason.")]
    [McpScope(McpScopes.Write)]
    public Task<RetractResult> RetractKnowledge(
        [Description("The contribution's id.")] string contribution_id,
        [Description("Why it is retracted (required, at most 4000 characters).")] string reason,
        [Description("The retracting domain, optional.")] string? domain_id = null) =>
        Removals.RetractAsync(grains, contribution_id, new RetractRequest(reason, string.IsNullOrEmpty(domain_id) ? null : domain_id));

    [McpServerTool(Name = "domain_contributions", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists one domain's contributions, newest first, one page at a time, with the domain's total.")]
    [McpScope(McpScopes.Read)]
    public Task<ContributionPage> DomainContributions(
        [Description("The contributing domain.")] string domain_id,
        [Description("How many newer contributions to skip (default 0).")] int offset = 0,
        [Description("The page size, 1-100 (default 20).")] int limit = ISharedMemoryGrain.DefaultPageSize) =>
        Memory.GetDomainContributions(domain_id, offset, limit);

    [McpServerTool(Name = "top_contributors", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("The domains with the most contributions, with their average confidence, verifications received and successful applications.")]
    [McpScope(McpScopes.Read)]
    public async Task<TopContributorList> GetTopContributors(
        [Description("How many domains, 1-100 (default 10).")] int limit = ISharedMemoryGrain.DefaultTopContributors) =>
        new(await Memory.GetTopContributors(limit));

    [McpServerTool(Name = "memory_stats", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Totals over the shared memory: contributions, verifications, applications, success rate, average confidence and contributions by type.")]
    [McpScope(McpScopes.Read)]
    public Task<MemoryStats> GetMemoryStats() => Memory.GetStats();

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
