using System.Text.Encodings.Web;
using System.Text.Json;

namespace Rayswarm.Grains.Interfaces;

/// <summary>A domain shares what it learned (the body of <c>POST /domains/memory/contribute</c>).</summary>
/// <param name="DomainId">The contributing domain (a valid domain id).</param>
/// <param name="ContributionType">What kind of knowledge ("optimization", "pattern"): at most 100 letters, digits, '_', '-' or '.'.</param>
/// <param name="Content">The knowledge itself: a non-empty JSON object of at most <see cref="MaxContentBytes"/> bytes.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.ContributeRequest")]
public sealed record ContributeRequest(string DomainId, string ContributionType, JsonElement Content)
{
    /// <summary>The largest content accepted, as compact UTF-8 JSON.</summary>
    public const int MaxContentBytes = 64 * 1024;

    // Measured as UTF-8, not with non-ASCII text escaped (which would count "é" as six bytes).
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field (domain_id, contribution_type, content).</summary>
    public void Validate()
    {
        DomainRegistration.ValidateDomainId(DomainId);
        MemoryValidation.ValidateContributionType(ContributionType, "contribution_type");
        if (Content.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"content must be a JSON object (was {Describe(Content.ValueKind)}).", "content");
        }
        if (!Content.EnumerateObject().Any())
        {
            throw new ArgumentException("content must not be an empty object.", "content");
        }
        var size = JsonSerializer.SerializeToUtf8Bytes(Content, Compact).Length;
        if (size > MaxContentBytes)
        {
            throw new ArgumentException($"content must be at most {MaxContentBytes} bytes of JSON (was {size}).", "content");
        }
    }

    private static string Describe(JsonValueKind kind) => kind == JsonValueKind.Undefined ? "missing" : kind.ToString().ToLowerInvariant();
}
