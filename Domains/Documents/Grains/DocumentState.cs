namespace Rayswarm.Domains.Documents;

/// <summary>The durable record of one document. The section ids are written before the sections, so an ingest that died
/// half-way is finished by the next one (<see cref="Complete"/> is false until every section is stored and every
/// retiring one retracted).</summary>
public sealed record DocumentState
{
    public string? Text { get; init; }

    public DocumentFormat Format { get; init; }

    public string? Hash { get; init; }

    public int Headings { get; init; }

    public string[] SectionIds { get; init; } = [];

    /// <summary>Sections of the previous version still to be retracted.</summary>
    public string[] Retiring { get; init; } = [];

    public bool Complete { get; init; }
}
