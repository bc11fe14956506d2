namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>Delivery over PostgreSQL.</summary>
public sealed class PostgresEventDeliveryTests(PostgresClusterFixture fixture) : EventDeliveryContract(fixture), IClassFixture<PostgresClusterFixture>;
