using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Storage.Tests;

/// <summary>The contract against the in-memory table, the reference the durable ones match.</summary>
public sealed class MemoryReminderTableTests : ReminderTableContract
{
    private readonly MemoryReminderTable _table = new();

    protected override Task<IReminderTable> CreateTableAsync() => Task.FromResult<IReminderTable>(_table);
}
