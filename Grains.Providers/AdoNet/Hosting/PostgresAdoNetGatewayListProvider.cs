using Orleans.Messaging;
using Orleans.Runtime.Membership;

namespace Rayswarm.Grains.Providers;

/// <summary>
/// Orleans' ADO.NET gateway list for clients, made to apply the schema before it first reads: a client that starts
/// before any silo on an empty database then finds no gateways (and retries) instead of a missing table.
/// </summary>
internal sealed class PostgresAdoNetGatewayListProvider(AdoNetGatewayListProvider inner, string connectionString) : IGatewayListProvider
{
    public TimeSpan MaxStaleness => inner.MaxStaleness;

    public bool IsUpdatable => inner.IsUpdatable;

    public async Task InitializeGatewayListProvider()
    {
        await PostgresOrleansSchema.ApplyAsync(connectionString);
        await inner.InitializeGatewayListProvider();
    }

    public Task<IList<Uri>> GetGateways() => inner.GetGateways();
}
