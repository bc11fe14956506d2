namespace Rayswarm.Deploy.Tests;

/// <summary>The kustomize overlays, for theories.</summary>
public static class Overlays
{
    public static TheoryData<string> All => new() { "dev", "prod" };

    /// <summary>The Secret keys docs/deploy.md lists as created by the operator ("| `secret` | `key` |" rows).</summary>
    public static IReadOnlySet<(string Secret, string Key)> DocumentedUserSecrets()
    {
        var rows = System.Text.RegularExpressions.Regex.Matches(Repository.Read("docs", "deploy.md"), @"^\|\s*`([a-z0-9-]+)`\s*\|\s*`([A-Za-z0-9._-]+)`\s*\|", System.Text.RegularExpressions.RegexOptions.Multiline);
        return rows.Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToHashSet();
    }
}
