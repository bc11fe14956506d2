namespace Rayswarm.Grains.Providers;

/// <summary>Which PostgreSQL database the grain storage and reminder table use.</summary>
public sealed record PostgresStorageOptions
{
    /// <summary>An Npgsql connection string to a database the silo may create tables in. Required; no default.</summary>
    public string? ConnectionString { get; set; }
}
