using System.Text.Json;

namespace Rayswarm.Cli;

/// <summary>What <c>rayswarm export</c> writes and <c>rayswarm import</c> reads: the shared memory's contributions as the
/// gateway gives them, and workflow definitions (name and steps, without their runs).</summary>
/// <param name="Format">Always <see cref="CurrentFormat"/>; import refuses anything else.</param>
/// <param name="ExportedAt">When the export was taken.</param>
/// <param name="Gateway">Where from.</param>
/// <param name="Complete">False when the gateway could not list every contributing domain (over 100).</param>
/// <param name="Knowledge">Contributions, oldest first (each with contribution_id, domain_id, contribution_type, content, …).</param>
/// <param name="Workflows">Definitions, oldest first.</param>
internal sealed record ExportDocument(
    string Format,
    DateTimeOffset ExportedAt,
    string Gateway,
    bool Complete,
    IReadOnlyList<JsonElement> Knowledge,
    IReadOnlyList<WorkflowDefinition> Workflows)
{
    public const string CurrentFormat = "rayswarm-export/1";
}
