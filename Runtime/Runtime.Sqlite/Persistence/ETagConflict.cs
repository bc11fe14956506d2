using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Sqlite;

/// <summary>The exception of the <see cref="Core.IGrainStorage"/> contract, worded as the in-memory provider words it.</summary>
internal static class ETagConflict
{
    public static InconsistentStateException Create(GrainId grainId, string stateName, string? stored, string? given) =>
        new($"ETag mismatch for state '{stateName}' of {grainId}: stored {stored ?? "(none)"}, given {given ?? "(none)"}.", stored, given);
}
