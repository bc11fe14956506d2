using System.Diagnostics;
using Rayswarm.Testing;
using Xunit.Abstractions;

namespace Rayswarm.Gateway.Tests;

/// <summary>One HTTP request that executes a workflow is one trace: the gateway's request, the grain calls, each step's call to
/// its domain (a hosted worker grain, and an endpoint domain over HTTP, whose own server span joins the trace).</summary>
public sealed class TracingTests(TracedGateway gateway, ITestOutputHelper output) : IClassFixture<TracedGateway>, IAsyncLifetime
{
    private EndpointDomain _remote = null!;

    public async Task InitializeAsync() => _remote = await EndpointDomain.StartAsync();

    public async Task DisposeAsync() => await _remote.DisposeAsync();

    [Fact]
    public async Task Executing_a_workflow_is_one_trace_from_the_request_through_grain_calls_to_each_domain_call()
    {
        var http = gateway.Http;
        await http.PostOkAsync("/domains/register", new { domain_id = "trace_remote", endpoint = _remote.Endpoint, capabilities = new[] { "tracing" } });
        var created = await http.PostOkAsync("/domains/workflows/create", new
        {
            name = "traced",
            steps = new object[]
            {
                new { domain_id = "memory", action = "search", data = new { query = "traces" } },
                new { domain_id = "trace_remote", action = "analyze", data = new { }, depends_on = new[] { "step_1" } },
            },
        });
        var id = created.GetProperty("workflow_id").GetString()!;

        var executed = await http.PostOkAsync($"/domains/workflows/execute/{id}", new { });
        Assert.Equal("completed", executed.GetProperty("status").GetString());

        // Spans are exported as they end; the request's own span ends once its answer is written.
        var path = $"/domains/workflows/execute/{id}";
        Activity? request = null;
        await Eventually.True(() =>
        {
            request = gateway.Spans.Snapshot().SingleOrDefault(s => s.Source.Name == "Microsoft.AspNetCore" && Tag(s, "url.path") == path);
            return request is not null && gateway.Spans.Snapshot().Any(s => s.TraceId == request.TraceId && s.Source.Name == "Microsoft.AspNetCore" && Tag(s, "url.path") == "/actions/analyze");
        }, "the request's span and the endpoint domain's span");
        var trace = gateway.Spans.Snapshot().Where(s => s.TraceId == request!.TraceId).ToList();
        foreach (var span in trace) { output.WriteLine($"{span.Source.Name} {span.Kind} {span.DisplayName} {span.SpanId} <- {span.ParentSpanId}"); }

        // The trace starts at the test's own HttpClient (it sends traceparent as any instrumented client would).
        Assert.Equal(ActivityKind.Server, request!.Kind);
        var client = Single(trace, s => s.SpanId == request.ParentSpanId);
        Assert.Equal((ActivityKind.Client, "System.Net.Http", default(ActivitySpanId)), (client.Kind, client.Source.Name, client.ParentSpanId));
        // The gateway's call into the cluster and the workflow grain's turn, as Orleans' spans.
        var workflowsCall = Single(trace, s => s.Kind == ActivityKind.Client && RpcMethod(s).EndsWith("IWorkflowsGrain/Execute", StringComparison.Ordinal));
        Assert.Equal(request.SpanId, workflowsCall.ParentSpanId);
        Single(trace, s => s.Kind == ActivityKind.Server && RpcMethod(s).EndsWith("IWorkflowGrain/Execute", StringComparison.Ordinal));

        // Each step's call to its domain is a span of ours, with the grain call or the HTTP call under it.
        var steps = trace.Where(s => s.Source.Name == "Rayswarm").OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal(["execute memory.search", "execute trace_remote.analyze"], steps.Select(s => s.DisplayName));
        var hostedCall = Single(trace, s => s.ParentSpanId == steps[0].SpanId && s.Source.Name == "Microsoft.Orleans.Application");
        Assert.Equal(ActivityKind.Client, hostedCall.Kind);
        Assert.EndsWith("IDomainWorkerGrain/Execute", RpcMethod(hostedCall), StringComparison.Ordinal);
        var httpCall = Single(trace, s => s.ParentSpanId == steps[1].SpanId && s.Source.Name == "System.Net.Http");
        Assert.Equal(ActivityKind.Client, httpCall.Kind);
        Assert.Equal(_remote.Endpoint + "actions/analyze", Tag(httpCall, "url.full"));
        var remoteRequest = Single(trace, s => s.ParentSpanId == httpCall.SpanId);
        Assert.Equal((ActivityKind.Server, "/actions/analyze"), (remoteRequest.Kind, Tag(remoteRequest, "url.path")));
    }

    private static Activity Single(List<Activity> trace, Func<Activity, bool> predicate)
    {
        var found = trace.Where(predicate).ToList();
        Assert.True(found.Count == 1, $"expected one such span, found {found.Count}");
        return found[0];
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();

    private static string RpcMethod(Activity span) => Tag(span, "rpc.method") ?? "";
}
