using System.Text.Json;

namespace Rayswarm.Gateway;

/// <summary>
/// Reads the API keys from configuration (<c>Rayswarm:Gateway:ApiKeys</c>, e.g. from environment variables) and from the
/// JSON file named by <c>--api-keys-file</c>:
/// <code>[{"name": "ops", "key": "…at least 16 characters…", "scopes": ["read", "write"], "requests_per_second": 50}]</code>
/// </summary>
internal static class ApiKeyFile
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static IReadOnlyList<ApiKey> Load(IConfiguration configuration)
    {
        var keys = configuration.GetSection("Rayswarm:Gateway:ApiKeys").Get<List<ApiKey>>() ?? [];
        var path = configuration["api-keys-file"] ?? configuration["Rayswarm:Gateway:ApiKeysFile"];
        if (!string.IsNullOrEmpty(path))
        {
            keys.AddRange(ReadFile(path));
        }
        for (var i = 0; i < keys.Count; i++) { keys[i].Validate(i); }
        var duplicate = keys.GroupBy(k => k.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"The same API key is given twice ({string.Join(", ", duplicate.Select(k => k.Name))}).");
        }
        return keys;
    }

    private static List<ApiKey> ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Cannot read the API keys file '{path}': {e.Message}", e);
        }
        try
        {
            return JsonSerializer.Deserialize<List<ApiKey>>(text, s_json) ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The API keys file '{path}' is not a JSON array of keys: {e.Message}", e);
        }
    }
}
