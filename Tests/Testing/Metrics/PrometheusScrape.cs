namespace Rayswarm.Testing;

/// <summary>Reads a host's <c>/metrics</c> as Prometheus does (no Accept header: the text format 0.0.4).</summary>
public static class PrometheusScrape
{
    /// <summary>The content type Prometheus' text format is served with.</summary>
    public const string TextContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>GETs <c>/metrics</c> of <paramref name="http"/>'s base address; throws unless it is a 200 in the text format,
    /// and parses it strictly (<see cref="PrometheusText"/>).</summary>
    public static async Task<IReadOnlyList<PrometheusSample>> ScrapeAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) { throw new InvalidOperationException($"GET /metrics → {(int)response.StatusCode}: {text}"); }
        var contentType = response.Content.Headers.ContentType?.ToString();
        if (contentType != TextContentType) { throw new FormatException($"GET /metrics answered Content-Type '{contentType}', not '{TextContentType}'."); }
        return PrometheusText.Parse(text);
    }

    /// <summary>Scrapes until the sum of <paramref name="name"/> with <paramref name="labels"/> reaches at least
    /// <paramref name="atLeast"/> (the exporter caches a scrape for a moment, and some counts land just after an answer), then
    /// returns that scrape.</summary>
    public static async Task<IReadOnlyList<PrometheusSample>> WaitForAsync(HttpClient http, double atLeast, string name, params (string Name, string Value)[] labels)
    {
        IReadOnlyList<PrometheusSample> samples = [];
        await Eventually.True(async () =>
        {
            samples = await ScrapeAsync(http);
            return PrometheusText.Sum(samples, name, labels) >= atLeast;
        }, $"{name} reaches {atLeast}");
        return samples;
    }
}
