namespace Rayswarm.Grains.Interfaces;

/// <summary>What a domain tells the registry about itself (the body of <c>POST /domains/register</c>).</summary>
/// <param name="DomainId">The domain's id: letters, digits, '_', '-' and '.', at most 100 characters.</param>
/// <param name="Port">The port it serves on (1–65535); either this or <paramref name="Endpoint"/> is required.</param>
/// <param name="Endpoint">An absolute http(s) URL it serves on; either this or <paramref name="Port"/> is required.</param>
/// <param name="Capabilities">What it can do ("chat", "ml"); at least one, each a non-blank string.</param>
/// <param name="Metadata">Free-form labels, optional.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.DomainRegistration")]
public sealed record DomainRegistration(
    string DomainId,
    int? Port,
    string? Endpoint,
    IReadOnlyList<string> Capabilities,
    IReadOnlyDictionary<string, string>? Metadata = null)
{
    /// <summary>The longest domain id accepted.</summary>
    public const int MaxDomainIdLength = 100;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field (domain_id, port, endpoint, capabilities).</summary>
    public void Validate()
    {
        ValidateDomainId(DomainId);
        if (Port is null && Endpoint is null)
        {
            throw new ArgumentException("A port (1-65535) or an endpoint URL is required.", "port");
        }
        if (Port is { } port && port is < 1 or > 65535)
        {
            throw new ArgumentException($"port must be between 1 and 65535 (was {port}).", "port");
        }
        if (Endpoint is not null
            && !(Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            throw new ArgumentException($"endpoint must be an absolute http or https URL (was '{Endpoint}').", "endpoint");
        }
        if (Capabilities is null || Capabilities.Count == 0)
        {
            throw new ArgumentException("capabilities must list at least one capability.", "capabilities");
        }
        foreach (var capability in Capabilities)
        {
            if (string.IsNullOrWhiteSpace(capability))
            {
                throw new ArgumentException("capabilities must be non-empty strings.", "capabilities");
            }
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="field"/> (domain_id by default) unless
    /// <paramref name="domainId"/> is a valid domain id.</summary>
    public static void ValidateDomainId(string? domainId, string field = "domain_id")
    {
        if (string.IsNullOrEmpty(domainId))
        {
            throw new ArgumentException($"{field} is required.", field);
        }
        if (domainId.Length > MaxDomainIdLength)
        {
            throw new ArgumentException($"{field} must be at most {MaxDomainIdLength} characters (was {domainId.Length}).", field);
        }
        foreach (var c in domainId)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                throw new ArgumentException($"{field} may contain only letters, digits, '_', '-' and '.' (was '{domainId}').", field);
            }
        }
    }
}
