using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Rayswarm.Cluster.Tests;

/// <summary>
/// The chaos run's one HTTP client of the gateway. Every answer is tallied: 5xx other than 503, 503, and no answer at all.
/// While the load is measured it also tracks the longest stretch in which no request was served (no status below 500
/// arrived: the gateway was down, or everything answered 503 or hung), and reports the latency of each served request.
/// </summary>
public sealed class GatewayTraffic(Uri gateway, Action<long>? onServed = null) : IDisposable
{
    private const int Samples = 20;

    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
    {
        // Longer than the gateway should ever take: a grain call times out after 10 s, and execute waits 10 s (wait_seconds).
        Timeout = TimeSpan.FromSeconds(20),
    };

    private readonly ConcurrentQueue<string> _serverErrors = new();
    private readonly ConcurrentQueue<string> _unavailable = new();
    private readonly ConcurrentQueue<string> _unanswered = new();
    private readonly Lock _gap = new();
    private long _requests, _http500, _http503, _noAnswer;
    private bool _measuring;
    private long _lastServed, _longestGap, _served;

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Answers with a 5xx status other than 503.</summary>
    public long Http500 => Interlocked.Read(ref _http500);

    public long Http503 => Interlocked.Read(ref _http503);

    /// <summary>Requests with no answer: connection refused or reset, or the client's 20 s timeout.</summary>
    public long NoAnswer => Interlocked.Read(ref _noAnswer);

    /// <summary>Requests served while the load was measured.</summary>
    public long Served => Interlocked.Read(ref _served);

    /// <summary>The longest stretch without a served request while measuring.</summary>
    public TimeSpan LongestUnavailable => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _longestGap));

    /// <summary>The first few 5xx answers other than 503 ("POST /path → 500: detail"), then the first few 503s and requests
    /// without an answer.</summary>
    public IEnumerable<string> ErrorSamples => _serverErrors.Concat(_unavailable).Concat(_unanswered);

    public void StartMeasuring()
    {
        lock (_gap) { (_measuring, _lastServed) = (true, Stopwatch.GetTimestamp()); }
    }

    public void StopMeasuring()
    {
        lock (_gap)
        {
            EndStretch(Stopwatch.GetTimestamp());
            _measuring = false;
        }
    }

    public Task<GatewayAnswer> PostAsync(string path, object body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, JsonContent.Create(body), cancellationToken);

    public Task<GatewayAnswer> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    private async Task<GatewayAnswer> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(method, new Uri(gateway, path)) { Content = content };
        int status;
        string text;
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            (status, text) = ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            if (Interlocked.Increment(ref _noAnswer) <= 3 || (e is TaskCanceledException && _unanswered.Count < Samples)) // timeouts are the telling ones
            {
                _unanswered.Enqueue($"{method} {path} → no answer after {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s: {e.Message}");
            }
            return GatewayAnswer.None;
        }
        var answer = new GatewayAnswer(status, Parse(text));
        if (answer.Served)
        {
            var now = Stopwatch.GetTimestamp();
            bool measured;
            lock (_gap)
            {
                measured = _measuring;
                EndStretch(now);
            }
            if (measured)
            {
                Interlocked.Increment(ref _served);
                onServed?.Invoke(now - started);
            }
        }
        else if (status == 503)
        {
            if (Interlocked.Increment(ref _http503) <= 3) { _unavailable.Enqueue($"{method} {path} → 503: {Detail(answer)}"); }
        }
        else if (Interlocked.Increment(ref _http500) <= Samples)
        {
            _serverErrors.Enqueue($"{method} {path} → {status}: {Detail(answer)}");
        }
        return answer;
    }

    /// <summary>Under the lock: a request was served at <paramref name="now"/>, ending the stretch since the previous one.</summary>
    private void EndStretch(long now)
    {
        if (!_measuring) { return; }
        _longestGap = Math.Max(_longestGap, now - _lastServed);
        _lastServed = Math.Max(_lastServed, now);
    }

    private static JsonElement Parse(string text)
    {
        if (text.Length == 0) { return default; }
        try { return JsonDocument.Parse(text).RootElement.Clone(); }
        catch (JsonException) { return JsonSerializer.SerializeToElement(text); }
    }

    private static string Detail(GatewayAnswer answer) =>
        answer.Body.ValueKind == JsonValueKind.Object && answer.Body.TryGetProperty("detail", out var detail) ? $"{detail}" : $"{answer.Body}";

    public void Dispose() => _http.Dispose();
}
