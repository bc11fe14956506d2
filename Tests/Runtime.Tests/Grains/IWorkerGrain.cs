using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Tests;

public interface IWorkerGrain : IGrainWithStringKey
{
    /// <summary>Holds until the gate opens; returns an id of the activation that served it.</summary>
    Task<int> Work(string gate);
}

[StatelessWorker(2)]
public sealed class WorkerGrain : Grain, IWorkerGrain
{
    private static int s_next;
    private readonly int _id = Interlocked.Increment(ref s_next);

    public async Task<int> Work(string gate)
    {
        await Gates.Pass(gate);
        return _id;
    }
}
