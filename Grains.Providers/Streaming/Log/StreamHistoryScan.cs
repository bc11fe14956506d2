namespace Rayswarm.Grains.Providers;

/// <summary>History by a wildcard pattern, which SQL cannot match: the stores read the namespace page by page in position
/// order and this keeps the events whose key matches, until <c>limit</c> matched or the log is exhausted.</summary>
internal static class StreamHistoryScan
{
    /// <summary>How many events a store reads per page.</summary>
    public const int PageSize = 512;

    /// <summary>Events of the pages <paramref name="readPage"/> returns (each after the given position, at most
    /// <see cref="PageSize"/> long) whose stream key matches <paramref name="pattern"/>, at most <paramref name="limit"/>.</summary>
    public static async Task<IReadOnlyList<StoredStreamEvent>> MatchAsync(
        StreamPattern pattern, long afterPosition, int limit, Func<long, Task<IReadOnlyList<StoredStreamEvent>>> readPage)
    {
        var matched = new List<StoredStreamEvent>();
        var after = afterPosition;
        while (true)
        {
            var page = await readPage(after);
            foreach (var e in page)
            {
                if (!pattern.Matches(e.Event.Stream.StreamKey())) { continue; }
                matched.Add(e);
                if (matched.Count == limit) { return matched; }
            }

            if (page.Count < PageSize) { return matched; }
            after = page[^1].Position;
        }
    }
}
