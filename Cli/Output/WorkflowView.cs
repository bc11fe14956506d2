using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Rayswarm.Cli;

/// <summary>Draws a workflow (<c>GET /domains/workflows/{id}</c>): a tree of its steps, and its audit trail.</summary>
internal static class WorkflowView
{
    private const int MaxOutput = 120;

    public static IRenderable Tree(JsonElement workflow)
    {
        var tree = new Tree($"[bold]{workflow.Cell("workflow_id")}[/] {workflow.Cell("name")} · {StatusMarkup.Of(workflow.Text("status"))}");
        if (workflow.Text("error") is { Length: > 0 } error) { tree.AddNode($"[red]error[/] {Markup.Escape(error)}"); }
        foreach (var step in workflow.Items("steps"))
        {
            var node = tree.AddNode($"{step.Cell("step_id")} {step.Cell("domain_id")}.{step.Cell("action")} · {StatusMarkup.Of(step.Text("status"))}");
            if (step.Text("depends_on") is { Length: > 0 } dependencies) { node.AddNode($"after {Markup.Escape(dependencies)}"); }
            if (step.Child("output") is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } output)
            {
                node.AddNode($"output {Markup.Escape(Shorten(output.GetRawText()))}");
            }
            if (step.Text("error") is { Length: > 0 } stepError) { node.AddNode($"[red]error[/] {Markup.Escape(stepError)}"); }
        }
        return tree;
    }

    public static IRenderable Audit(JsonElement workflow)
    {
        var table = new Table().AddColumns("#", "audit entry", "step", "detail", "at");
        foreach (var entry in workflow.Items("audit"))
        {
            table.AddRow(entry.Cell("index"), entry.Cell("type"), entry.Cell("step_id"), entry.Cell("detail"), entry.Time("timestamp"));
        }
        return table;
    }

    private static string Shorten(string text) => text.Length <= MaxOutput ? text : text[..MaxOutput] + "…";
}
