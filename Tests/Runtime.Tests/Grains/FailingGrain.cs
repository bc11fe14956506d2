using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Tests;

public interface IFailingGrain : IGrainWithStringKey
{
    Task<int> Ping();
}

/// <summary>Fails its activation while its key is in <see cref="Failing"/>.</summary>
public sealed class FailingGrain : Grain, IFailingGrain
{
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Failing = new();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (Failing.ContainsKey(this.GetPrimaryKeyString())) { throw new GrainTestException("activation refused"); }
    }

    public Task<int> Ping() => Task.FromResult(1);
}
