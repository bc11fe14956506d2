namespace Rayswarm.Grains.Interfaces;

/// <summary>Field rules shared by the shared-memory requests.</summary>
public static class MemoryValidation
{
    /// <summary>The longest contribution type accepted.</summary>
    public const int MaxContributionTypeLength = 100;

    /// <summary>The longest free-text notes accepted on a verification or application.</summary>
    public const int MaxNotesLength = 4000;

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="field"/> unless <paramref name="type"/> is a valid contribution type.</summary>
    public static void ValidateContributionType(string? type, string field)
    {
        if (string.IsNullOrEmpty(type))
        {
            throw new ArgumentException($"{field} is required.", field);
        }
        if (type.Length > MaxContributionTypeLength)
        {
            throw new ArgumentException($"{field} must be at most {MaxContributionTypeLength} characters (was {type.Length}).", field);
        }
        foreach (var c in type)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                throw new ArgumentException($"{field} may contain only letters, digits, '_', '-' and '.' (was '{type}').", field);
            }
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming notes when <paramref name="notes"/> is too long.</summary>
    public static void ValidateNotes(string? notes)
    {
        if (notes is { Length: > MaxNotesLength })
        {
            throw new ArgumentException($"notes must be at most {MaxNotesLength} characters (was {notes.Length}).", "notes");
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="field"/> unless 1 ≤ <paramref name="limit"/> ≤ <paramref name="max"/>.</summary>
    public static void ValidateLimit(int limit, int max, string field = "limit")
    {
        if (limit < 1 || limit > max)
        {
            throw new ArgumentException($"{field} must be between 1 and {max} (was {limit}).", field);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming contribution_id when <paramref name="contributionId"/> is empty or too long.</summary>
    public static void ValidateContributionId(string? contributionId)
    {
        if (string.IsNullOrWhiteSpace(contributionId))
        {
            throw new ArgumentException("contribution_id is required.", "contribution_id");
        }
        if (contributionId.Length > MaxContributionIdLength)
        {
            throw new ArgumentException($"contribution_id must be at most {MaxContributionIdLength} characters (was {contributionId.Length}).", "contribution_id");
        }
    }

    /// <summary>The longest contribution id accepted in a request.</summary>
    public const int MaxContributionIdLength = 100;
}
