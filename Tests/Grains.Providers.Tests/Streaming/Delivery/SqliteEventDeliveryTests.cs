namespace Rayswarm.Grains.Providers.Tests.Streaming;

/// <summary>Delivery over a SQLite file.</summary>
public sealed class SqliteEventDeliveryTests(SqliteClusterFixture fixture) : EventDeliveryContract(fixture), IClassFixture<SqliteClusterFixture>;
