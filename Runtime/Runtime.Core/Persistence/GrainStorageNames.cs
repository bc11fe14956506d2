namespace Rayswarm.Runtime.Core;

/// <summary>Well-known storage provider names.</summary>
public static class GrainStorageNames
{
    /// <summary>The provider used by <c>[PersistentState]</c> without a storage name.</summary>
    public const string Default = "Default";
}
