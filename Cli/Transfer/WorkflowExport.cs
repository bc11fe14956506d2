using System.Globalization;

namespace Rayswarm.Cli;

/// <summary>Reads every workflow's definition: the pages of <c>/domains/workflows/list</c>, then each workflow.</summary>
internal static class WorkflowExport
{
    private const int Page = 1000;

    public static async Task<List<WorkflowDefinition>> ReadAsync(GatewayClient gateway, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        for (var offset = 0; ; offset += Page)
        {
            var page = await gateway.GetAsync(
                $"/domains/workflows/list?limit={Page}&offset={offset.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
            var items = page.Items("workflows").Select(w => w.Text("workflow_id")).ToList();
            ids.AddRange(items);
            if (items.Count < Page || offset + Page >= page.Number("total")) { break; }
        }
        var definitions = new List<WorkflowDefinition>();
        // The list is newest first; an export reads oldest first, as they were made.
        foreach (var id in Enumerable.Reverse(ids))
        {
            definitions.Add(WorkflowDefinition.From(await gateway.GetAsync(WorkflowCommand.Path(id), cancellationToken)));
        }
        return definitions;
    }
}
