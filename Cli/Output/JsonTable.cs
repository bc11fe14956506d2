using System.Text.Json;
using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary>A table of JSON objects whose shape the CLI does not know in advance: one column per property of the first.</summary>
internal static class JsonTable
{
    public static Table Of(IEnumerable<JsonElement> rows)
    {
        var items = rows.Where(r => r.ValueKind == JsonValueKind.Object).ToList();
        var table = new Table();
        if (items.Count == 0)
        {
            table.AddColumn("(none)");
            return table;
        }
        var columns = items[0].EnumerateObject().Select(p => p.Name).ToList();
        foreach (var column in columns) { table.AddColumn(Markup.Escape(column)); }
        foreach (var item in items) { table.AddRow(columns.Select(c => item.Cell(c)).ToArray()); }
        return table;
    }
}
