namespace Rayswarm.Gateway;

/// <summary>The scope a tool method needs (see <see cref="McpScopes"/>). A tool without it needs <see cref="McpScopes.Admin"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class McpScopeAttribute(string scope) : Attribute
{
    /// <summary>The scope.</summary>
    public string Scope { get; } = scope;
}
