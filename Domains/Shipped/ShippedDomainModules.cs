using Rayswarm.Domains.Code;
using Rayswarm.Domains.Documents;
using Rayswarm.Domains.Monitor;
using Rayswarm.Domains.Neural;
using Rayswarm.Grains;

namespace Rayswarm.Domains.Shipped;

/// <summary>The domain modules that ship with Rayswarm: the ones <c>--domains</c> (<see cref="DomainModuleSelection"/>) can
/// enable in the Silo and the embedded Gateway. A new module is a project under <c>Domains/</c>, referenced here and
/// added to <see cref="All"/> (docs/domains.md, "Write a domain in 10 minutes").</summary>
public static class ShippedDomainModules
{
    /// <summary>Every shipped module, by domain id.</summary>
    public static IReadOnlyList<DomainModule> All { get; } =
    [
        new CodeModule(),
        new DocumentsModule(),
        new MonitorModule(),
        new NeuralModule(),
    ];
}
