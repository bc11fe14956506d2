namespace Rayswarm.Grains.Providers;

/// <summary>The primary key of a <c>grain_state</c> row: the grain's type and key, and the state's name.</summary>
internal readonly record struct GrainStateKey(string GrainType, string GrainKey, string StateName)
{
    public static GrainStateKey Of(GrainId grainId, string stateName) => new(GrainKeys.Type(grainId), GrainKeys.Key(grainId), stateName);

    public (string Name, object? Value)[] Parameters() => [("@type", GrainType), ("@key", GrainKey), ("@state", StateName)];
}
