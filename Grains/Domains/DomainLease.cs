namespace Rayswarm.Grains;

/// <summary>One call in flight to <see cref="DomainId"/>, counted by the <see cref="DomainRouter"/> that handed it out until it
/// is disposed (once; disposing again does nothing).</summary>
public sealed class DomainLease : IDisposable
{
    private Action? _release;

    internal DomainLease(string domainId, Action release)
    {
        DomainId = domainId;
        _release = release;
    }

    /// <summary>The domain the call goes to.</summary>
    public string DomainId { get; }

    /// <summary>The call ended: it no longer counts as in flight.</summary>
    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
}
