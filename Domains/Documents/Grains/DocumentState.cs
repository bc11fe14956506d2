namespace Rayswarm.Domains.Documents;

/// <summary>The durable record of one document. The section ids are written before the sections, so an ingest that died
/// half-way is finished by the next one (<see cref="Complete"/> is false until every section is stored and every
/// retiring one retracted).</summary>
public sealed record DocumentState
{
    /// <summary>The document's text as ingested (null before the first ingest).</summary>
    public string? Text { get; init; }

    /// <summary>How it was read.</summary>
    public DocumentFormat Format { get; init; }

    /// <summary>SHA-256 of format and text (hex): the version.</summary>
    public string? Hash { get; init; }

    /// <summary>How many headings it has.</summary>
    public int Headings { get; init; }

    /// <summary>The ids of its sections' contributions, by section index.</summary>
    public string[] SectionIds { get; init; } = [];

    /// <summary>Sections of the previous version still to be retracted.</summary>
    public string[] Retiring { get; init; } = [];

    /// <summary>True once every section is stored and every retiring one retracted.</summary>
    public bool Complete { get; init; }
}
