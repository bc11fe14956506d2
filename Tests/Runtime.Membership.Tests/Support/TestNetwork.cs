using System.Collections.Concurrent;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Membership.Tests;

/// <summary>
/// The network the in-process silos probe each other over, as the test decides: a silo can be down (probes to it
/// are refused at once, or hang until their timeout), and a single direct link can be slow (its probes time out).
/// Counts every probe, so a test can wait for a number of rounds instead of sleeping.
/// </summary>
public sealed class TestNetwork
{
    private readonly ConcurrentDictionary<SiloAddress, bool> _down = new();
    private readonly ConcurrentDictionary<(SiloAddress From, SiloAddress To), int> _slowLinks = new();
    private readonly ConcurrentDictionary<(SiloAddress From, SiloAddress To), int> _direct = new();
    private readonly ConcurrentDictionary<(SiloAddress From, SiloAddress To), int> _failedDirect = new();
    private readonly ConcurrentDictionary<(SiloAddress From, SiloAddress To), int> _indirectSucceeded = new();
    private readonly ConcurrentDictionary<SiloAddress, int> _sent = new();

    /// <summary>The prober <paramref name="silo"/> uses.</summary>
    public ISiloProber ProberFor(SiloAddress silo) => new Prober(this, silo);

    /// <summary>From now on probes to <paramref name="silo"/> fail: refused at once, or (<paramref name="hang"/>) after their timeout.</summary>
    public void Kill(SiloAddress silo, bool hang = false) => _down[silo] = hang;

    /// <summary>The next <paramref name="times"/> direct probes from <paramref name="from"/> to <paramref name="to"/> time out.</summary>
    public void SlowLink(SiloAddress from, SiloAddress to, int times = int.MaxValue) => _slowLinks[(from, to)] = times;

    /// <summary>Direct probes from <paramref name="from"/> to <paramref name="to"/> so far.</summary>
    public int DirectProbes(SiloAddress from, SiloAddress to) => _direct.GetValueOrDefault((from, to));

    /// <summary>Failed direct probes from <paramref name="from"/> to <paramref name="to"/> so far.</summary>
    public int FailedDirectProbes(SiloAddress from, SiloAddress to) => _failedDirect.GetValueOrDefault((from, to));

    /// <summary>Indirect probes from <paramref name="from"/> that reached <paramref name="to"/> so far.</summary>
    public int IndirectSuccesses(SiloAddress from, SiloAddress to) => _indirectSucceeded.GetValueOrDefault((from, to));

    /// <summary>The probes (direct and indirect) the membership service of <paramref name="from"/> sent so far.</summary>
    public int ProbesSentBy(SiloAddress from) => _sent.GetValueOrDefault(from);

    /// <summary>All direct probes sent to <paramref name="to"/> so far.</summary>
    public int ProbesTo(SiloAddress to) => _direct.Where(p => p.Key.To == to).Sum(p => p.Value);

    private async Task<bool> PingAsync(SiloAddress from, SiloAddress to, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _direct.AddOrUpdate((from, to), 1, (_, n) => n + 1);
        var slow = _down.TryGetValue(to, out var hang) ? hang : TakeSlow(from, to);
        if (slow || _down.ContainsKey(to))
        {
            if (slow) { await Task.Delay(timeout, cancellationToken); }
            _failedDirect.AddOrUpdate((from, to), 1, (_, n) => n + 1);
            return false;
        }

        return true;
    }

    private bool TakeSlow(SiloAddress from, SiloAddress to)
    {
        while (_slowLinks.TryGetValue((from, to), out var left) && left > 0)
        {
            if (_slowLinks.TryUpdate((from, to), left == int.MaxValue ? left : left - 1, left)) { return true; }
        }

        return false;
    }

    private sealed class Prober(TestNetwork network, SiloAddress self) : ISiloProber
    {
        public Task<bool> ProbeAsync(SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken)
        {
            network._sent.AddOrUpdate(self, 1, (_, n) => n + 1);
            return network.PingAsync(self, target, timeout, cancellationToken);
        }

        public async Task<bool> ProbeIndirectlyAsync(SiloAddress intermediary, SiloAddress target, TimeSpan timeout, CancellationToken cancellationToken)
        {
            network._sent.AddOrUpdate(self, 1, (_, n) => n + 1);
            // The request reaches the intermediary only if it is up; it then pings the target over its own link.
            if (network._down.TryGetValue(intermediary, out var hang))
            {
                if (hang) { await Task.Delay(timeout, cancellationToken); }
                return false;
            }

            var reached = await network.PingAsync(intermediary, target, timeout, cancellationToken);
            if (reached) { network._indirectSucceeded.AddOrUpdate((self, target), 1, (_, n) => n + 1); }
            return reached;
        }
    }
}
