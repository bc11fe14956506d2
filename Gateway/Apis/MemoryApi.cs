using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Gateway;

/// <summary>The shared memory endpoints: contribute, query, verify, apply, retract, a domain's contributions, top contributors, stats,
/// the confidence distribution.</summary>
internal static class MemoryApi
{
    public static IEndpointRouteBuilder MapMemoryApi(this IEndpointRouteBuilder routes)
    {
        var memory = routes.MapGroup("/domains/memory").WithTags("Shared memory");
        memory.MapPost("/contribute", (ContributeRequest request, IGrainFactory grains) =>
            Memory(grains).Contribute(request)).WithName("ContributeKnowledge")
            .WithSummary("Stores a contribution (confidence 0.5) and announces memory.contributed.");
        memory.MapGet("/query", (IGrainFactory grains,
            [FromQuery(Name = "query")] string? query,
            [FromQuery(Name = "min_confidence")] string? minConfidence,
            [FromQuery(Name = "contribution_type")] string? contributionType,
            [FromQuery(Name = "domain_id")] string? domainId,
            [FromQuery(Name = "limit")] string? limit) =>
            Memory(grains).Query(new MemoryQuery(
                query,
                Number(minConfidence, "min_confidence", 0.0),
                Blank(contributionType),
                Blank(domainId),
                Integer(limit, "limit", MemoryQuery.DefaultLimit)))).WithName("QueryMemory")
            .WithSummary("Full-text search over the contributions, ranked by relevance × confidence.");
        memory.MapPost("/verify/{id}", (string id, VerifyRequest request, IGrainFactory grains) =>
            Memory(grains).Verify(id, request)).WithName("VerifyContribution")
            .WithSummary("Another domain confirms (valid, the default) or rejects a contribution; announces memory.verified.");
        memory.MapPost("/apply/{id}", (string id, ApplyRequest request, IGrainFactory grains) =>
            Memory(grains).Apply(id, request)).WithName("ApplyContribution")
            .WithSummary("Reports applying a contribution with outcome success or failure; announces memory.applied.");
        memory.MapPost("/retract/{id}", (string id, RetractRequest request, IGrainFactory grains) =>
            Removals.RetractAsync(grains, id, request)).WithName("RetractContribution")
            .WithSummary("Deletes a contribution with a reason (required) and announces memory.retracted with it; 404 when unknown.");
        memory.MapGet("/domain/{id}", (string id, IGrainFactory grains,
            [FromQuery(Name = "offset")] string? offset,
            [FromQuery(Name = "limit")] string? limit) =>
            Memory(grains).GetDomainContributions(id, Integer(offset, "offset", 0), Integer(limit, "limit", ISharedMemoryGrain.DefaultPageSize)))
            .WithName("GetDomainContributions").WithSummary("A domain's contributions, newest first, paged.");
        memory.MapGet("/top-contributors", async (IGrainFactory grains, [FromQuery(Name = "limit")] string? limit) =>
            new TopContributors(await Memory(grains).GetTopContributors(Integer(limit, "limit", ISharedMemoryGrain.DefaultTopContributors))))
            .WithName("GetTopContributors").WithSummary("The domains with the most contributions.");
        memory.MapGet("/stats", (IGrainFactory grains) => Memory(grains).GetStats())
            .WithName("GetMemoryStats").WithSummary("Totals over the shared memory.");
        memory.MapGet("/confidence", (IGrainFactory grains) => Memory(grains).GetConfidenceDistribution())
            .WithName("GetConfidenceDistribution").WithSummary("How many contributions have a confidence in each tenth from 0 to 1.");
        return routes;
    }

    private static ISharedMemoryGrain Memory(IGrainFactory grains) => grains.GetGrain<ISharedMemoryGrain>(ISharedMemoryGrain.Key);

    // Query values are parsed here rather than bound, so a bad one is a 400 naming the snake_case parameter.
    private static double Number(string? value, string field, double absent) =>
        string.IsNullOrWhiteSpace(value) ? absent
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number
        : throw new ArgumentException($"{field} must be a number (was '{value}').", field);

    private static int Integer(string? value, string field, int absent) =>
        string.IsNullOrWhiteSpace(value) ? absent
        : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number
        : throw new ArgumentException($"{field} must be an integer (was '{value}').", field);

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>The answer of <c>GET /domains/memory/top-contributors</c>.</summary>
    internal sealed record TopContributors(IReadOnlyList<TopContributor> Contributors);
}
