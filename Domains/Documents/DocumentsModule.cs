using Rayswarm.Grains;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Domains.Documents;

/// <summary>The <c>documents</c> domain (<see cref="DocumentsDomainGrain"/>): ingests Markdown or plain text into sections
/// kept in the shared memory's full-text index, searches them, and summarizes and outlines documents. Capabilities
/// <c>documents</c> and <c>search</c>.</summary>
public sealed class DocumentsModule : DomainModule
{
    /// <inheritdoc />
    public override string DomainId => DocumentsDomainGrain.DomainId;

    /// <inheritdoc />
    public override string Description => "Indexes Markdown and text documents in the shared memory; searches, summarizes and outlines them.";

    /// <inheritdoc />
    public override IReadOnlyList<string> Capabilities => ["documents", "search"];

    /// <inheritdoc />
    public override Type WorkerGrain => typeof(DocumentsDomainGrain);

    /// <inheritdoc />
    public override IReadOnlyList<DomainActionInfo> Actions => DocumentsDomainGrain.DomainActions;
}
