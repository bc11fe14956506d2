using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Membership.Tests;

/// <summary>The contract against the in-memory table: one instance per cluster id is the store.</summary>
public sealed class MemoryMembershipTableTests : MembershipTableContract
{
    private readonly Dictionary<string, MemoryMembershipTable> _tables = [];

    protected override Task<IMembershipTable> CreateTableAsync(string clusterId)
    {
        lock (_tables)
        {
            if (!_tables.TryGetValue(clusterId, out var table)) { _tables[clusterId] = table = new MemoryMembershipTable(clusterId); }
            return Task.FromResult<IMembershipTable>(table);
        }
    }
}
