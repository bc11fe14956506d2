using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Rayswarm.Deploy.Tests;

/// <summary>
/// A stand-in for the Kubernetes API server, for silos started with <c>--kubernetes</c> outside a cluster (through
/// <c>KUBECONFIG</c>): the pod routes Orleans' Kubernetes hosting uses (read, patch, list, watch, delete pods of one
/// namespace), answered from a pod table the test fills, and every request recorded as the RBAC verb it needs.
/// </summary>
public sealed class FakeKubernetesApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _pods = new();
    private readonly ConcurrentQueue<ApiCall> _calls = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>One request: the RBAC verb it needs, the resource, and the pod it named (none for list and watch).</summary>
    public sealed record ApiCall(string Verb, string Resource, string Namespace, string? Name, string? Body);

    private FakeKubernetesApi(WebApplication app, string @namespace)
    {
        _app = app;
        Namespace = @namespace;
    }

    public string Namespace { get; }

    /// <summary>A kubeconfig file that points at this server (for <c>KUBECONFIG</c>).</summary>
    public string KubeConfig { get; private set; } = "";

    public IReadOnlyList<ApiCall> Calls => [.. _calls];

    /// <summary>The labels a pod has now (as patched by the silos).</summary>
    public IReadOnlyDictionary<string, string?> LabelsOf(string pod) =>
        _pods.TryGetValue(pod, out var p) ? p.Entries("metadata.labels").ToDictionary(kv => kv.Key, kv => kv.Value?.ToString()) : new Dictionary<string, string?>();

    public void AddPod(string name, IReadOnlyDictionary<string, string> labels)
    {
        var labelObject = new JsonObject(labels.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value))));
        _pods[name] = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = Namespace,
                ["uid"] = Guid.NewGuid().ToString(),
                ["resourceVersion"] = "1",
                ["labels"] = labelObject,
            },
            ["status"] = new JsonObject { ["phase"] = "Running", ["podIP"] = "127.0.0.1" },
        };
    }

    /// <summary>The pod is gone (deleted, or replaced by one with another name).</summary>
    public void RemovePod(string name) => _pods.TryRemove(name, out _);

    public static async Task<FakeKubernetesApi> StartAsync(string @namespace)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var api = new FakeKubernetesApi(app, @namespace);
        api.Map();
        await app.StartAsync();
        var address = app.Urls.Single();
        api.KubeConfig = Path.Combine(Repository.TemporaryDirectory("kubeconfig"), "config");
        await File.WriteAllTextAsync(api.KubeConfig, $"""
            apiVersion: v1
            kind: Config
            clusters:
              - name: test
                cluster:
                  server: {address}
            users:
              - name: test
                user:
                  token: test-token
            contexts:
              - name: test
                context:
                  cluster: test
                  user: test
                  namespace: {@namespace}
            current-context: test
            """);
        return api;
    }

    private void Map()
    {
        _app.MapGet("/api/v1/namespaces/{ns}/pods/{name}", (string ns, string name) =>
        {
            _calls.Enqueue(new ApiCall("get", "pods", ns, name, null));
            return _pods.TryGetValue(name, out var pod) ? Results.Text(pod.ToJsonString(), "application/json") : NotFound(name);
        });
        _app.MapMethods("/api/v1/namespaces/{ns}/pods/{name}", ["PATCH"], async (string ns, string name, HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            _calls.Enqueue(new ApiCall("patch", "pods", ns, name, body));
            if (!_pods.TryGetValue(name, out var pod)) { return NotFound(name); }
            var labels = (JsonObject)pod.At("metadata.labels")!;
            foreach (var (key, value) in JsonNode.Parse(body).Entries("metadata.labels")) { labels[key] = value?.DeepClone(); }
            return Results.Text(pod.ToJsonString(), "application/json");
        });
        _app.MapDelete("/api/v1/namespaces/{ns}/pods/{name}", (string ns, string name) =>
        {
            _calls.Enqueue(new ApiCall("delete", "pods", ns, name, null));
            return _pods.TryRemove(name, out var pod) ? Results.Text(pod.ToJsonString(), "application/json") : NotFound(name);
        });
        _app.MapGet("/api/v1/namespaces/{ns}/pods", async (string ns, HttpContext context) =>
        {
            var watch = context.Request.Query["watch"] is var w && (w == "true" || w == "1");
            _calls.Enqueue(new ApiCall(watch ? "watch" : "list", "pods", ns, null, context.Request.QueryString.Value));
            if (!watch)
            {
                var list = new JsonObject
                {
                    ["apiVersion"] = "v1",
                    ["kind"] = "PodList",
                    ["metadata"] = new JsonObject { ["resourceVersion"] = "1" },
                    ["items"] = new JsonArray([.. _pods.Values.Select(p => p.DeepClone())]),
                };
                await Results.Text(list.ToJsonString(), "application/json").ExecuteAsync(context);
                return;
            }
            // A watch: the current pods as ADDED, then nothing until the client or the test goes away.
            context.Response.ContentType = "application/json";
            foreach (var pod in _pods.Values)
            {
                await context.Response.WriteAsync(JsonSerializer.Serialize(new { type = "ADDED", @object = pod }) + "\n");
            }
            await context.Response.Body.FlushAsync();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try { await Task.Delay(Timeout.Infinite, linked.Token); }
            catch (OperationCanceledException) { /* the watch ends */ }
        });
    }

    private static IResult NotFound(string name) => Results.Text(
        JsonSerializer.Serialize(new { kind = "Status", apiVersion = "v1", status = "Failure", reason = "NotFound", code = 404, message = $"pods \"{name}\" not found" }),
        "application/json", statusCode: (int)HttpStatusCode.NotFound);

    public override string ToString() => string.Join("\n", _calls.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Verb} {c.Resource} {c.Namespace}/{c.Name} {c.Body}")));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
