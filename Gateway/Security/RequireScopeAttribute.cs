namespace Rayswarm.Gateway;

/// <summary>Endpoint metadata: the scope a route needs when it differs from the default (read for GET, write otherwise).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequireScopeAttribute(string scope) : Attribute
{
    /// <summary>The scope.</summary>
    public string Scope { get; } = scope;
}
