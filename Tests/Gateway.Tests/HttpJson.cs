using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Rayswarm.Gateway.Tests;

/// <summary>Small helpers for JSON over HTTP in tests.</summary>
public static class HttpJson
{
    public static async Task<(int Status, JsonElement Body, string? MediaType)> SendAsync(this HttpClient http, HttpMethod method, string path, string? json = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) { request.Content = new StringContent(json, Encoding.UTF8, contentType); }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return ((int)response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
    }

    public static Task<(int Status, JsonElement Body, string? MediaType)> PostJsonAsync(this HttpClient http, string path, string json) =>
        http.SendAsync(HttpMethod.Post, path, json);

    public static Task<(int Status, JsonElement Body, string? MediaType)> GetJsonAsync(this HttpClient http, string path) =>
        http.SendAsync(HttpMethod.Get, path);

    public static async Task<JsonElement> PostOkAsync(this HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} → {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetOkAsync(this HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} → {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 7807 answer with <paramref name="status"/> whose detail mentions <paramref name="detailContains"/>.</summary>
    public static void AssertProblem((int Status, JsonElement Body, string? MediaType) response, int status, string? detailContains = null)
    {
        Assert.True(response.Status == status, $"expected {status}, got {response.Status}: {response.Body}");
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(status, response.Body.GetProperty("status").GetInt32());
        if (detailContains is not null)
        {
            var detail = response.Body.GetProperty("detail").GetString() ?? "";
            Assert.Contains(detailContains, detail, StringComparison.Ordinal);
        }
    }
}
