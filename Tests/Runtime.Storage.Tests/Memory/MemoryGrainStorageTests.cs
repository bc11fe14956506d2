using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Storage.Tests;

/// <summary>The contract against the in-memory provider, the reference the durable ones match.</summary>
public sealed class MemoryGrainStorageTests : GrainStorageContract
{
    private readonly MemoryGrainStorage _storage = new();

    protected override Task<IGrainStorage> CreateStorageAsync() => Task.FromResult<IGrainStorage>(_storage);
}
