namespace Rayswarm.Grains.Providers;

/// <summary>
/// The statements Microsoft.Orleans.Persistence.AdoNet asks for. Its parameters: ServiceId, GrainTypeHash and
/// GrainTypeString (the state name), GrainIdHash, GrainIdN0/GrainIdN1 (GUID halves or the integer key),
/// GrainIdExtensionString (key extension or string key; may be null), GrainStateVersion (the ETag as int, or null),
/// PayloadBinary. It reads PayloadBinary and Version; from writes NewGrainStateVersion; from clears the first column.
/// </summary>
internal static class PostgresStorageQueries
{
    private const string Identity =
        "@ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString";

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["ReadFromStorageKey"] = $"""
            SELECT "PayloadBinary", "Version" FROM orleans_grain_state_read({Identity})
            """,
        ["WriteToStorageKey"] = $"""
            SELECT orleans_grain_state_write({Identity}, @GrainStateVersion, @PayloadBinary) AS "NewGrainStateVersion"
            """,
        ["ClearStorageKey"] = $"""
            SELECT orleans_grain_state_clear({Identity}, @GrainStateVersion) AS "NewGrainStateVersion"
            """,
        // Used instead of ClearStorageKey when AdoNetGrainStorageOptions.DeleteStateOnClear is set.
        ["DeleteStorageKey"] = $"""
            SELECT orleans_grain_state_delete({Identity}, @GrainStateVersion) AS "NewGrainStateVersion"
            """,
    };

    public static PostgresAdoNetSchemaPart Part { get; } = new("storage", PostgresStorageDdl.Script, All);
}
