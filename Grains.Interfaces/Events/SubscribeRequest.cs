
namespace Rayswarm.Grains.Interfaces;

/// <summary>Subscribes a domain to the events whose type matches a pattern (the body of <c>POST /domains/events/subscribe</c>).</summary>
/// <param name="DomainId">The subscribing domain: hosted in the cluster or registered in the registry.</param>
/// <param name="Pattern">Dot-separated segments: event type segments, <c>*</c> for exactly one segment (<c>ml.*</c>), <c>#</c>
/// for zero or more (<c>ml.#</c>); <c>*</c> alone matches every event. At most 200 characters.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.SubscribeRequest")]
public sealed record SubscribeRequest(string DomainId, string Pattern)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field (domain_id, pattern).</summary>
    public void Validate()
    {
        DomainRegistration.ValidateDomainId(DomainId);
        ValidatePattern(Pattern);
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="field"/> unless <paramref name="pattern"/> is a valid
    /// subscription pattern (see the streams' pattern syntax, with event type segments).</summary>
    public static void ValidatePattern(string? pattern, string field = "pattern")
    {
        if (string.IsNullOrEmpty(pattern))
        {
            throw new ArgumentException($"{field} is required.", field);
        }
        if (pattern.Length > EventTypes.MaxLength)
        {
            throw new ArgumentException($"{field} must be at most {EventTypes.MaxLength} characters (was {pattern.Length}).", field);
        }
        foreach (var segment in pattern.Split('.'))
        {
            if (segment.Length == 0)
            {
                throw new ArgumentException($"{field} is not a valid pattern: '{pattern}' has an empty segment.", field);
            }
            if (segment is not ("*" or "#") && !EventTypes.IsSegment(segment))
            {
                throw new ArgumentException(
                    $"{field} segments must be letters, digits, '_' and '-', or the wildcards '*' and '#' (was '{pattern}').", field);
            }
        }
    }
}
