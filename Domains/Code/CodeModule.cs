using Microsoft.Extensions.DependencyInjection;
using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Domains.Code;

/// <summary>The <c>code</c> domain: analyzes C# with Roslyn. <c>analyze</c> answers compiler diagnostics, per-method
/// cyclomatic complexity and length, a symbol outline and findings (<see cref="FindingRules"/>), and contributes the
/// findings to the shared memory; <c>metrics</c> answers the totals only. Capabilities <c>code</c> and <c>analysis</c>.
/// Its knowledge folder (<c>Knowledge/</c>) explains the rules.</summary>
public sealed class CodeModule : DomainModule
{
    /// <summary>The domain id.</summary>
    public const string Id = "code";

    /// <inheritdoc />
    public override string DomainId => Id;

    /// <inheritdoc />
    public override string Description => "Analyzes C# source with Roslyn: diagnostics, complexity, outline and findings.";

    /// <inheritdoc />
    public override IReadOnlyList<string> Capabilities => ["code", "analysis"];

    /// <inheritdoc />
    public override Type WorkerGrain => typeof(CodeDomainGrain);

    /// <inheritdoc />
    public override IReadOnlyList<DomainActionInfo> Actions => CodeActions.All;

    /// <inheritdoc />
    public override string? KnowledgeFolder => "knowledge/code";

    /// <summary>Warms Roslyn up on start (<see cref="CodeWarmUp"/>).</summary>
    public override void ConfigureServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<CodeWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<CodeWarmUp>());
        services.AddSingleton<IReadinessCheck>(sp => sp.GetRequiredService<CodeWarmUp>());
    }
}
