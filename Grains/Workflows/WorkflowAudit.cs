using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// The hash chain of a workflow's audit log. An entry's hash is the lower-case hex SHA-256 of the UTF-8 bytes of
/// <c>prev_hash + "\n" + canonical</c>, where canonical is the compact JSON object
/// <c>{"index":…,"timestamp":"yyyy-MM-ddTHH:mm:ss.fffffffZ","type":…,"step_id":…,"detail":…,"data_hash":…}</c> in exactly
/// that key order (System.Text.Json's default escaping; nulls written as null), followed by <c>"actor":…</c> only when the
/// entry names an actor (so entries written before actors existed hash as they did). The first entry's prev_hash is 64 zeros.
/// </summary>
public static class WorkflowAudit
{
    /// <summary>The prev_hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Appends a new entry to <paramref name="log"/> and returns it.</summary>
    public static WorkflowAuditEntry Append(List<WorkflowAuditEntry> log, DateTimeOffset timestamp, string type, string? stepId = null,
        string? detail = null, string? dataHash = null, string? actor = null)
    {
        var prev = log.Count == 0 ? Genesis : log[^1].Hash;
        var utc = new DateTimeOffset(timestamp.UtcDateTime.Ticks, TimeSpan.Zero);
        var entry = new WorkflowAuditEntry(log.Count, utc, type, stepId, detail, dataHash, prev, "", actor);
        entry = entry with { Hash = HashOf(entry) };
        log.Add(entry);
        return entry;
    }

    /// <summary>The hash <paramref name="entry"/> should carry, from its prev_hash and content.</summary>
    public static string HashOf(WorkflowAuditEntry entry)
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write(Encoding.UTF8.GetBytes(entry.PrevHash + "\n"));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("index", entry.Index);
            writer.WriteString("timestamp", entry.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("type", entry.Type);
            writer.WriteString("step_id", entry.StepId);
            writer.WriteString("detail", entry.Detail);
            writer.WriteString("data_hash", entry.DataHash);
            if (entry.Actor is not null) { writer.WriteString("actor", entry.Actor); }
            writer.WriteEndObject();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>Checks every link: index, prev_hash and recomputed hash. Adds one problem per broken entry; returns the
    /// recomputed head (the last entry's recomputed hash).</summary>
    public static string CheckChain(IReadOnlyList<WorkflowAuditEntry> log, List<string> problems)
    {
        var prev = Genesis;
        for (var i = 0; i < log.Count; i++)
        {
            var entry = log[i];
            if (entry.Index != i) { problems.Add($"audit[{i}]: index is {entry.Index}."); }
            if (entry.PrevHash != prev) { problems.Add($"audit[{i}]: prev_hash does not link to audit[{i - 1}]."); }
            var recomputed = HashOf(entry with { PrevHash = prev });
            if (recomputed != entry.Hash) { problems.Add($"audit[{i}]: hash does not match the entry's content."); }
            prev = recomputed;
        }
        return prev;
    }

    /// <summary>The hash recorded for a workflow's definition in its <c>created</c> entry.</summary>
    public static string DefinitionHash(string workflowId, string name, IReadOnlyList<WorkflowStepState> steps)
    {
        var definition = JsonSerializer.SerializeToElement(new
        {
            workflow_id = workflowId,
            name,
            steps = steps.Select(DefinitionOf),
        });
        return CanonicalJson.Hash(definition);
    }

    /// <summary>A step as defined: a step routed by capability has its capability and strategy instead of the domain it is
    /// given later; a step naming its domain hashes as it did before routing existed, so older workflows still verify.</summary>
    private static Dictionary<string, object?> DefinitionOf(WorkflowStepState s)
    {
        var step = new Dictionary<string, object?> { ["step_id"] = s.StepId };
        if (s.Capability is null)
        {
            step["domain_id"] = s.DomainId;
        }
        else
        {
            step["capability"] = s.Capability;
            step["strategy"] = s.Strategy;
        }
        step["action"] = s.Action;
        step["data"] = s.Data;
        step["depends_on"] = s.DependsOn;
        step["timeout_seconds"] = s.TimeoutSeconds;
        // Approval steps add their fields; action steps hash as they did before approval steps existed.
        if (s.Type is not null)
        {
            step["type"] = s.Type;
            step["prompt"] = s.Prompt;
            step["approval_timeout_seconds"] = s.ApprovalTimeoutSeconds;
            step["approvers"] = s.Approvers;
        }
        return step;
    }
}
