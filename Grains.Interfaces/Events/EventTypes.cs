namespace Rayswarm.Grains.Interfaces;

/// <summary>The rules of event type names: dot-separated segments of letters, digits, '_' and '-' ("ml.prediction").</summary>
public static class EventTypes
{
    /// <summary>The longest event type (and subscription pattern) accepted.</summary>
    public const int MaxLength = 200;

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="field"/> unless <paramref name="eventType"/> is a valid event type.</summary>
    public static void Validate(string? eventType, string field = "event_type")
    {
        if (string.IsNullOrEmpty(eventType))
        {
            throw new ArgumentException($"{field} is required.", field);
        }
        if (eventType.Length > MaxLength)
        {
            throw new ArgumentException($"{field} must be at most {MaxLength} characters (was {eventType.Length}).", field);
        }
        foreach (var segment in eventType.Split('.'))
        {
            if (!IsSegment(segment))
            {
                throw new ArgumentException(
                    $"{field} must be dot-separated segments of letters, digits, '_' and '-' (was '{eventType}').", field);
            }
        }
    }

    /// <summary>Whether <paramref name="segment"/> is a non-empty run of letters, digits, '_' and '-'.</summary>
    public static bool IsSegment(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (segment.Length == 0) { return false; }
        foreach (var c in segment)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')) { return false; }
        }
        return true;
    }
}
