namespace Rayswarm.Domains.Documents;

/// <summary>The arguments of <c>search</c>.</summary>
internal sealed class SearchArguments
{
    /// <summary>The number of passages when no limit is given.</summary>
    public const int DefaultLimit = 10;

    public string? Query { get; set; }

    public int? Limit { get; set; }
}
