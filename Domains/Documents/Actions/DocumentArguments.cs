namespace Rayswarm.Domains.Documents;

/// <summary>The arguments of <c>ingest</c>, <c>summarize</c> and <c>outline</c>: a document by name (<see cref="Source"/>,
/// an ingested one for summarize and outline) or inline (<see cref="Text"/>).</summary>
internal sealed class DocumentArguments
{
    /// <summary>The longest source name.</summary>
    public const int MaxSourceLength = 200;

    public string? Source { get; set; }

    public string? Text { get; set; }

    public string? Format { get; set; }

    public int? Sentences { get; set; }

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
