namespace Rayswarm.Grains.Providers;

/// <summary>The databases (by connection string) whose schema a silo applies at start: one per distinct string.</summary>
internal sealed class PostgresAdoNetSchemaTargets
{
    public HashSet<string> ConnectionStrings { get; } = new(StringComparer.Ordinal);
}
