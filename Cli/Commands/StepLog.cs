using System.Text.Json;
using Spectre.Console;

namespace Rayswarm.Cli;

/// <summary>A workflow's progress as lines, for output that is not a terminal: each step's status when first seen and at
/// every change (<c>step_1 memory.search → completed</c>), then the workflow's.</summary>
internal sealed class StepLog(IAnsiConsole console)
{
    private readonly Dictionary<string, string> _seen = [];

    public void Write(JsonElement workflow)
    {
        foreach (var step in workflow.Items("steps"))
        {
            Line(step.Text("step_id"), $"{step.Text("step_id")} {step.Text("domain_id")}.{step.Text("action")}", step.Text("status"));
        }
        Line("", workflow.Text("name"), workflow.Text("status"));
    }

    private void Line(string key, string what, string status)
    {
        if (_seen.TryGetValue(key, out var last) && last == status) { return; }
        _seen[key] = status;
        console.MarkupLine($"{DateTimeOffset.UtcNow:HH:mm:ss} {Markup.Escape(what)} → {StatusMarkup.Of(status)}");
    }
}
