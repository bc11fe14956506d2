using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Storage.Tests;

public sealed class MemoryGrainDirectoryTests : GrainDirectoryContract
{
    protected override Task<IGrainDirectory> CreateAsync() => Task.FromResult<IGrainDirectory>(new MemoryGrainDirectory());
}
