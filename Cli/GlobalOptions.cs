using System.CommandLine;

namespace Rayswarm.Cli;

/// <summary>The options every command takes: where the gateway is, its API key, and <c>--json</c>.</summary>
internal static class GlobalOptions
{
    public const string DefaultUrl = "http://localhost:8000";

    public static Option<Uri> Url { get; } = new("--url")
    {
        Description = $"The gateway's base URL (env RAYSWARM_URL; default {DefaultUrl}).",
        Recursive = true,
        DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable("RAYSWARM_URL") is { Length: > 0 } url ? url : DefaultUrl),
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : DefaultUrl;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") { return uri; }
            result.AddError($"--url must be an http:// or https:// URL (was '{text}').");
            return null;
        },
    };

    public static Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = "The API key sent as X-Api-Key (env RAYSWARM_API_KEY).",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("RAYSWARM_API_KEY") is { Length: > 0 } key ? key : null,
    };

    public static Option<bool> Json { get; } = new("--json")
    {
        Description = "Write one machine-readable JSON document to stdout instead of tables.",
        Recursive = true,
    };

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Url);
        root.Options.Add(ApiKey);
        root.Options.Add(Json);
    }
}
