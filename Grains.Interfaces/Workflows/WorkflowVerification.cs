namespace Rayswarm.Grains.Interfaces;

/// <summary>The result of recomputing a workflow's audit chain and checking its signature.</summary>
/// <param name="WorkflowId">The workflow.</param>
/// <param name="Valid">True when the chain, the signature and the stored data all agree.</param>
/// <param name="Entries">How many audit entries were checked.</param>
/// <param name="HeadHash">The recomputed head hash.</param>
/// <param name="SignatureValid">Whether the stored signature verifies over the recomputed head with this cluster's key.</param>
/// <param name="ChainValid">Whether every entry's hash and link recompute.</param>
/// <param name="Problems">What does not agree, one line each; empty when valid.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.WorkflowVerification")]
public sealed record WorkflowVerification(
    string WorkflowId,
    bool Valid,
    int Entries,
    string HeadHash,
    bool SignatureValid,
    bool ChainValid,
    IReadOnlyList<string> Problems);
