using System.Text.Json;

namespace Rayswarm.Grains.Interfaces;

/// <summary>An expert's decision (the body of <c>POST /domains/reviews/{id}/approve|reject|correct</c>).</summary>
/// <param name="Comment">Why, optional for approve, at most <see cref="MaxCommentLength"/> characters.</param>
/// <param name="Content">The corrected content of a contribution (correct only): a JSON object.</param>
[GenerateSerializer, Immutable, Alias("rayswarm.ReviewDecision")]
public sealed record ReviewDecision(string? Comment = null, JsonElement? Content = null)
{
    /// <summary>The longest comment accepted.</summary>
    public const int MaxCommentLength = 4000;

    /// <summary>Approve (an approval) or accept (a contribution).</summary>
    public const string Approve = "approve";

    /// <summary>Reject.</summary>
    public const string Reject = "reject";

    /// <summary>Correct a contribution with new content.</summary>
    public const string Correct = "correct";

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field for <paramref name="decision"/>.</summary>
    public void Validate(string decision)
    {
        if (decision is not (Approve or Reject or Correct))
        {
            throw new ArgumentException($"decision must be {Approve}, {Reject} or {Correct} (was '{decision}').", "decision");
        }
        if (Comment is { Length: > MaxCommentLength })
        {
            throw new ArgumentException($"comment must be at most {MaxCommentLength} characters (was {Comment.Length}).", "comment");
        }
        if (decision == Correct && Content is not { ValueKind: JsonValueKind.Object })
        {
            throw new ArgumentException("content is required to correct: the corrected contribution as a JSON object.", "content");
        }
        if (decision != Correct && Content is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) })
        {
            throw new ArgumentException($"content applies only to {Correct}.", "content");
        }
    }
}
