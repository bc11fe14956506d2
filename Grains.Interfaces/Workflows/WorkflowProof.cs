namespace Rayswarm.Grains.Interfaces;

/// <summary>The signature over a workflow's audit head: who vouches that the log ended here.</summary>
/// <param name="HeadHash">The hash of the last audit entry.</param>
/// <param name="Signature">Base64 ECDSA signature (IEEE P1363, r‖s) over the UTF-8 bytes of <c>{workflow_id}\n{head_hash}</c>.</param>
/// <param name="Algorithm">"ES256": ECDSA on P-256 with SHA-256.</param>
/// <param name="PublicKey">The signer's public key, base64 SubjectPublicKeyInfo (DER).</param>
[GenerateSerializer, Immutable, Alias("rayswarm.WorkflowProof")]
public sealed record WorkflowProof(string HeadHash, string Signature, string Algorithm, string PublicKey);
