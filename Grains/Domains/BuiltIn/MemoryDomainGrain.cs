using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// The built-in <c>memory</c> domain: workflow steps (and agents) search and contribute to the shared memory.
/// <c>search</c> is read-only (its compensation does nothing); <c>contribute</c> is undone by retracting the
/// contribution. Inside a workflow a contribution's id is derived from the action's idempotency key (workflow id + step
/// id), so a step that runs again (at-least-once, or retried after its answer was lost) returns the contribution it stored
/// the first time instead of adding a second one, and the compensation retracts exactly that one even when the action's
/// output is unknown. Bus events it is subscribed to (<c>ml.*</c> by default) become contributions (<see cref="OnEvent"/>). A stateless worker: it holds nothing, so it scales with the silo's cores.
/// </summary>
[StatelessWorker]
[Reentrant]
[GrainType(nameof(MemoryDomainGrain))] // the registry persists it: the name it always had
public sealed partial class MemoryDomainGrain(IKnowledgeStore? store = null, [FromKeyedServices(DomainClock.Key)] TimeProvider? time = null,
    ILogger<MemoryDomainGrain>? logger = null) : Grain, IDomainWorkerGrain
{
    /// <summary>The domain id it is hosted as.</summary>
    public const string DomainId = "memory";

    /// <summary>The bus patterns it subscribes to unless <c>Rayswarm:Domains:Subscriptions:memory</c> says otherwise: the
    /// design's "memory domain (subscribed to ml.*)".</summary>
    public static readonly IReadOnlyList<string> DefaultSubscriptions = ["ml.*"];

    private const string Search = "search";
    private const string Contribute = "contribute";

    private static readonly RetractRequest s_compensated = new("compensated: the workflow step that contributed it was rolled back");

    private static readonly IReadOnlyList<DomainActionInfo> s_actions =
    [
        new(Search,
            "Searches the shared memory (knowledge contributed by the domains) with full-text search ranked by relevance × " +
            "confidence. All query words must occur; an empty query lists contributions by confidence. Returns " +
            "{query, count, results: [{contribution, relevance, score}]}. Read-only.",
            $$$"""
            {"type":"object","additionalProperties":false,"properties":{
            "query":{"type":"string","maxLength":{{{MemoryQuery.MaxQueryLength}}},"description":"Words to look for in the contributions' type, keys and text values (stemmed; all must occur). Empty lists everything."},
            "min_confidence":{"type":"number","minimum":0,"maximum":1,"default":0,"description":"Only contributions at least this confident."},
            "contribution_type":{"type":"string","maxLength":{{{MemoryValidation.MaxContributionTypeLength}}},"pattern":"^[A-Za-z0-9_.-]+$","description":"Only contributions of this type, e.g. optimization."},
            "domain_id":{"type":"string","maxLength":{{{DomainRegistration.MaxDomainIdLength}}},"pattern":"^[A-Za-z0-9_.-]+$","description":"Only contributions of this domain."},
            "limit":{"type":"integer","minimum":1,"maximum":{{{MemoryQuery.MaxLimit}}},"default":{{{MemoryQuery.DefaultLimit}}},"description":"At most this many results."}}
            }
            """,
            Compensable: false,
            ReadOnly: true),
        new(Contribute,
            "Contributes knowledge to the shared memory: a JSON object (content) of a type (contribution_type) on behalf of " +
            "a domain (domain_id, default \"memory\"). It starts at confidence 0.5 and is announced as memory.contributed. " +
            "Returns the stored contribution (contribution_id, confidence, …). Rolled back by retracting it (memory.retracted).",
            $$$"""
            {"type":"object","additionalProperties":false,"required":["contribution_type","content"],"properties":{
            "domain_id":{"type":"string","maxLength":{{{DomainRegistration.MaxDomainIdLength}}},"pattern":"^[A-Za-z0-9_.-]+$","default":"{{{DomainId}}}","description":"The contributing domain."},
            "contribution_type":{"type":"string","maxLength":{{{MemoryValidation.MaxContributionTypeLength}}},"pattern":"^[A-Za-z0-9_.-]+$","description":"What kind of knowledge, e.g. optimization, pattern, incident."},
            "content":{"type":"object","minProperties":1,"description":"The knowledge itself (at most {{{ContributeRequest.MaxContentBytes}}} bytes of JSON); its keys and text values are searchable."}}
            }
            """,
            Compensable: true),
    ];

    private readonly IKnowledgeStore _store = store ?? UnconfiguredKnowledgeStore.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public Task<IReadOnlyList<DomainActionInfo>> DescribeActions() => Task.FromResult(s_actions);

    public async Task<JsonElement> Execute(string action, JsonElement input)
    {
        var args = DomainActionInput.Parse(input);
        switch (action)
        {
            case Search:
            {
                var query = new MemoryQuery(
                    args.String("query"),
                    args.Number("min_confidence") ?? 0,
                    args.String("contribution_type"),
                    args.String("domain_id"),
                    args.Integer("limit") ?? MemoryQuery.DefaultLimit);
                var result = await GrainFactory.GetGrain<ISharedMemoryGrain>(ISharedMemoryGrain.Key).Query(query);
                return DomainActionInput.Output(result);
            }
            case Contribute:
            {
                var content = args.Get("content");
                var request = new ContributeRequest(args.String("domain_id") ?? DomainId, args.String("contribution_type")!, content);
                request.Validate();
                var id = ContributionIdOf(args);
                var contribution = await SharedMemoryGrain.ContributeAsync(this, _store, _time, request,
                    id ?? Guid.CreateVersion7().ToString("N"), idempotent: id is not null);
                return DomainActionInput.Output(contribution);
            }
            default:
                throw DomainActionInput.UnknownAction(DomainId, action, s_actions);
        }
    }

    public async Task Compensate(string action, JsonElement input, JsonElement output)
    {
        switch (action)
        {
            case Search:
                return; // read-only: nothing to undo
            case Contribute:
                // The id its output names, else the one the step derives; retracting a missing one is a no-op.
                var id = (output.ValueKind == JsonValueKind.Object && output.TryGetProperty("contribution_id", out var given)
                        && given.ValueKind == JsonValueKind.String ? given.GetString() : null)
                    ?? ContributionIdOf(DomainActionInput.Parse(input));
                if (id is not null) { await GrainFactory.GetGrain<ISharedMemoryGrain>(ISharedMemoryGrain.Key).Retract(id, s_compensated); }
                return;
            default:
                throw DomainActionInput.UnknownAction(DomainId, action, s_actions);
        }
    }

    /// <summary>An event of a pattern the domain is subscribed to (<see cref="DefaultSubscriptions"/>, or the setting
    /// <c>Rayswarm:Domains:Subscriptions:memory</c>, or any made over the bus) is stored as a contribution of its source
    /// domain (<see cref="EventKnowledge"/>), once per event id however often it is delivered. The shared memory's own
    /// announcements are ignored, and so is an event that cannot be a contribution (data over 64 KiB): logged, not retried.</summary>
    public async Task OnEvent(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (!EventKnowledge.IsKept(domainEvent)) { return; }
        var request = EventKnowledge.RequestOf(domainEvent);
        try
        {
            request.Validate();
        }
        catch (ArgumentException e)
        {
            LogEventNotKept(logger ?? NullLogger<MemoryDomainGrain>.Instance, domainEvent.EventId, domainEvent.EventType, e.Message);
            return;
        }
        await SharedMemoryGrain.ContributeAsync(this, _store, _time, request, EventKnowledge.IdOf(domainEvent), idempotent: true,
            EventKnowledge.ConfidenceOf(domainEvent));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The memory domain did not keep event {EventId} ({EventType}): {Reason}")]
    private static partial void LogEventNotKept(ILogger logger, string eventId, string eventType, string reason);

    /// <summary>Inside a workflow: 32 hex digits of SHA-256("memory.contribute\n" + the action's idempotency key), the same
    /// on every run of the step and in its compensation.</summary>
    private static string? ContributionIdOf(DomainActionInput args) =>
        args.ActionKey is null
            ? null
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("memory.contribute\n" + args.ActionKey)))[..32];
}
