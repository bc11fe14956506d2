namespace Rayswarm.Runtime.Core;

/// <summary>
/// A membership table in this process's memory, for tests and single-process clusters: one instance is one cluster's
/// table and may be shared by several in-process silos. Thread-safe; every method is atomic.
/// </summary>
public sealed class MemoryMembershipTable : IMembershipTable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<SiloAddress, MembershipEntry> _rows = [];
    private long _version;

    /// <summary>Creates an empty table (version 0) for <paramref name="clusterId"/>.</summary>
    public MemoryMembershipTable(string clusterId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        ClusterId = clusterId;
    }

    /// <summary>The cluster whose table this is.</summary>
    public string ClusterId { get; }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<MembershipSnapshot> ReadAllAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var entries = _rows.Values
                .OrderBy(e => e.Silo.Host, StringComparer.Ordinal).ThenBy(e => e.Silo.Port).ThenBy(e => e.Silo.Generation)
                .ToArray();
            return Task.FromResult(new MembershipSnapshot(_version, entries));
        }
    }

    /// <inheritdoc />
    public Task<bool> TryInsertAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            if (_version != expectedVersion || _rows.ContainsKey(entry.Silo)) { return Task.FromResult(false); }
            _rows.Add(entry.Silo, Normalize(entry));
            _version++;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    /// <remarks>The I-am-alive time never moves backwards: the later of the stored and the given time is kept.</remarks>
    public Task<bool> TryUpdateAsync(MembershipEntry entry, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            if (_version != expectedVersion || !_rows.TryGetValue(entry.Silo, out var stored)) { return Task.FromResult(false); }
            var updated = Normalize(entry);
            _rows[entry.Silo] = updated with { IAmAliveAt = Max(stored.IAmAliveAt, updated.IAmAliveAt) };
            _version++;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        lock (_gate)
        {
            if (_rows.TryGetValue(silo, out var stored)) { _rows[silo] = stored with { IAmAliveAt = at.ToUniversalTime() }; }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>A row's age is its I-am-alive time. The version is bumped only when a row was deleted.</remarks>
    public Task CleanupDeadAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var old = _rows.Values.Where(e => e.Status == SiloStatus.Dead && e.IAmAliveAt < before).Select(e => e.Silo).ToArray();
            foreach (var silo in old) { _rows.Remove(silo); }
            if (old.Length > 0) { _version++; }
        }

        return Task.CompletedTask;
    }

    // Stored as the durable tables return them: UTC, and a list the caller cannot change afterwards.
    private static MembershipEntry Normalize(MembershipEntry entry) => entry with
    {
        StartedAt = entry.StartedAt.ToUniversalTime(),
        IAmAliveAt = entry.IAmAliveAt.ToUniversalTime(),
        Suspicions = entry.Suspicions.Select(s => s with { At = s.At.ToUniversalTime() }).ToArray(),
    };

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
