using Rayswarm.Grains;

namespace Rayswarm.Domains.Documents;

/// <summary>The arguments of the documents domain's actions (the fields of the input's <c>data</c>): a document by name
/// (<see cref="Source"/>, an ingested one for summarize and outline) or inline (<see cref="Text"/>).</summary>
internal sealed record DocumentArguments(string? Source, string? Text, string? Format, int? Sentences, string? Query, int? Limit)
{
    /// <summary>The longest source name.</summary>
    public const int MaxSourceLength = 200;

    /// <summary>The number of passages a search returns when no limit is given.</summary>
    public const int DefaultLimit = 10;

    /// <summary>Reads the arguments; a field of the wrong type throws <see cref="ArgumentException"/> naming it.</summary>
    public static DocumentArguments Of(DomainActionInput input) => new(input.String("source"), input.String("text"),
        input.String("format"), input.Integer("sentences"), input.String("query"), input.Integer("limit"));

    /// <summary>The source name, checked: required (<paramref name="required"/>) or null when absent.</summary>
    public string? SourceName(bool required)
    {
        if (Source is null)
        {
            return required ? throw new ArgumentException("source is required: the document's name, e.g. a file name.", "source") : null;
        }
        if (string.IsNullOrWhiteSpace(Source) || Source.Length > MaxSourceLength || Source.Any(char.IsControl))
        {
            throw new ArgumentException($"source must be 1 to {MaxSourceLength} characters without control characters.", "source");
        }
        return Source;
    }
}
