using System.Collections.Concurrent;

namespace Rayswarm.Grains;

/// <summary>
/// The values one metric tag may take in this process, bounded so that user-chosen names (event types, domain ids, actions)
/// cannot grow the number of time series without end: the first <see cref="Limit"/> distinct values are kept as they are,
/// any later one is reported as <see cref="Other"/>. Lookups are lock-free and allocate nothing for a known value.
/// </summary>
internal sealed class TagValues(int limit)
{
    /// <summary>What a value past the limit is reported as.</summary>
    public const string Other = "_other";

    private readonly ConcurrentDictionary<string, string> _known = new(StringComparer.Ordinal);
    private int _count;

    public int Limit { get; } = limit;

    /// <summary>The tag value for <paramref name="value"/>: itself (one shared string per value) or <see cref="Other"/>.</summary>
    public string Of(ReadOnlySpan<char> value)
    {
        if (_known.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out var known)) { return known; }
        return Add(value.ToString());
    }

    /// <inheritdoc cref="Of(ReadOnlySpan{char})"/>
    public string Of(string value) => _known.TryGetValue(value, out var known) ? known : Add(value);

    private string Add(string value)
    {
        // Racing adders may overshoot the limit by a few; the bound only has to hold roughly.
        if (Volatile.Read(ref _count) >= Limit) { return Other; }
        if (_known.TryAdd(value, value)) { Interlocked.Increment(ref _count); }
        return _known.TryGetValue(value, out var known) ? known : Other;
    }
}
