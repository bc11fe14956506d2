using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Domains.Code;

/// <summary>
/// The <c>code</c> domain's worker (<see cref="CodeModule"/>). <c>analyze</c> runs <see cref="CSharpAnalyzer"/> and, when
/// there are findings (and <c>contribute</c> is not false), contributes them to the shared memory as one contribution of
/// type <see cref="FindingsType"/>: once per workflow step (its id derives from the step's idempotency key) or, outside a
/// workflow, once per source (from the source's SHA-256). Its compensation retracts that contribution. <c>metrics</c>
/// answers the totals. A stateless worker: analysis is CPU work, so each silo runs one per core.
/// </summary>
[StatelessWorker]
[GrainType("code-domain")]
public sealed class CodeDomainGrain : Grain, IDomainWorkerGrain
{
    /// <summary>The contribution type of the findings.</summary>
    public const string FindingsType = "code.findings";

    /// <inheritdoc />
    public Task<IReadOnlyList<DomainActionInfo>> DescribeActions() => Task.FromResult(CodeActions.All);

    /// <inheritdoc />
    public async Task<JsonElement> Execute(string action, JsonElement input)
    {
        var args = DomainActionInput.Parse(input);
        switch (action)
        {
            case CodeActions.Analyze:
            {
                var files = CodeInput.Files(args);
                var report = CSharpAnalyzer.Analyze(files);
                var contribution = report.Findings.Count > 0 && args.Boolean("contribute") != false
                    ? await this.ContributeOnceAsync(FindingsOf(files, report), ContributionKey(args, files))
                    : null;
                return DomainActionInput.Output(new
                {
                    report.Diagnostics,
                    report.Methods,
                    report.Outline,
                    report.Findings,
                    report.Totals,
                    contribution_id = contribution?.ContributionId,
                });
            }
            case CodeActions.Metrics:
                return DomainActionInput.Output(CSharpAnalyzer.Analyze(CodeInput.Files(args)).Totals);
            default:
                throw DomainActionInput.UnknownAction(CodeModule.Id, action, CodeActions.All);
        }
    }

    /// <inheritdoc />
    public async Task Compensate(string action, JsonElement input, JsonElement output)
    {
        switch (action)
        {
            case CodeActions.Metrics:
                return; // read-only
            case CodeActions.Analyze:
                // The id its output names, else the one its step's key gives (its output may be lost); none means nothing was contributed.
                var id = output.ValueKind == JsonValueKind.Object && output.TryGetProperty("contribution_id", out var given) && given.ValueKind == JsonValueKind.String
                    ? given.GetString()
                    : DomainActionInput.Parse(input).ActionKey is { } key ? DomainContributions.IdFor(CodeModule.Id, key) : null;
                if (id is not null) { await this.RetractAsync(id); }
                return;
            default:
                throw DomainActionInput.UnknownAction(CodeModule.Id, action, CodeActions.All);
        }
    }

    /// <summary>Events are accepted and ignored: the code domain subscribes to nothing.</summary>
    public Task OnEvent(DomainEvent domainEvent) => Task.CompletedTask;

    private static ContributeRequest FindingsOf(IReadOnlyList<SourceFile> files, CodeReport report)
    {
        var rules = report.Findings.GroupBy(f => f.Rule).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        var content = DomainActionInput.Output(new
        {
            summary = $"{report.Totals.Findings} finding(s) in {string.Join(", ", files.Select(f => f.Path))}: {string.Join(", ", rules)}",
            files = files.Select(f => f.Path),
            findings = report.Findings,
            report.Totals,
        });
        return new ContributeRequest(CodeModule.Id, FindingsType, content);
    }

    /// <summary>The step's action key inside a workflow; else the sources' hash, so analyzing the same code again adds nothing.</summary>
    private static string ContributionKey(DomainActionInput args, IReadOnlyList<SourceFile> files)
    {
        if (args.ActionKey is { } key) { return key; }
        var hash = new StringBuilder();
        foreach (var file in files) { hash.Append(file.Path).Append('\0').Append(file.Source).Append('\0'); }
        return "source:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hash.ToString())));
    }
}
