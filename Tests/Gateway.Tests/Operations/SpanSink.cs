using System.Collections;
using System.Diagnostics;

namespace Rayswarm.Gateway.Tests;

/// <summary>Where the in-memory exporter puts finished spans: exporters add from many threads while the test reads.</summary>
public sealed class SpanSink : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get { lock (_gate) { return _spans.Count; } }
    }

    public bool IsReadOnly => false;

    /// <summary>The spans finished so far.</summary>
    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_gate) { return [.. _spans]; }
    }

    public void Add(Activity item)
    {
        lock (_gate) { _spans.Add(item); }
    }

    public void Clear()
    {
        lock (_gate) { _spans.Clear(); }
    }

    public bool Contains(Activity item)
    {
        lock (_gate) { return _spans.Contains(item); }
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (_gate) { _spans.CopyTo(array, arrayIndex); }
    }

    public bool Remove(Activity item)
    {
        lock (_gate) { return _spans.Remove(item); }
    }

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
