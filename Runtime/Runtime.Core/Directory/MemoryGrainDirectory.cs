using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>The grain directory in one process's memory: for a single silo, or several in-process silos sharing one instance (tests).</summary>
public sealed class MemoryGrainDirectory : IGrainDirectory
{
    private readonly Dictionary<GrainId, GrainAddress> _rows = [];
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        lock (_gate) { return Task.FromResult(_rows.TryGetValue(grainId, out var a) ? a : null); }
    }

    /// <inheritdoc />
    public Task<GrainAddress> RegisterAsync(GrainAddress address, GrainAddress? replace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        lock (_gate)
        {
            if (!_rows.TryGetValue(address.GrainId, out var current) || current == replace)
            {
                _rows[address.GrainId] = address;
                return Task.FromResult(address);
            }
            return Task.FromResult(current);
        }
    }

    /// <inheritdoc />
    public Task UnregisterAsync(GrainAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        lock (_gate)
        {
            if (_rows.TryGetValue(address.GrainId, out var current) && current == address) { _rows.Remove(address.GrainId); }
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> UnregisterSiloAsync(SiloAddress silo, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var gone = _rows.Values.Where(a => a.Silo == silo).Select(a => a.GrainId).ToList();
            foreach (var id in gone) { _rows.Remove(id); }
            return Task.FromResult(gone.Count);
        }
    }
}
