namespace Rayswarm.Gateway.Tests;

/// <summary>The gateway's API routes as its OpenAPI document lists them (path templates; one method each), and for each a
/// well-formed request that reaches the grain behind it.</summary>
public static class GatewayRoutes
{
    /// <summary>Every documented <c>/domains</c> route.</summary>
    public static readonly string[] Documented =
    [
        "/domains/register", "/domains/heartbeat/{id}", "/domains/list", "/domains/domain/{id}", "/domains/capabilities",
        "/domains/find-by-capability/{cap}", "/domains/registry-stats", "/domains/unregister/{id}",
        "/domains/events/publish", "/domains/events/subscribe", "/domains/events/subscriptions", "/domains/events/history", "/domains/events/stats",
        "/domains/events/rates", "/domains/events/unsubscribe/{id}", "/domains/events/dead-letters", "/domains/events/dead-letters/replay",
        "/domains/actions/{domain_id}/{action}",
        "/domains/memory/contribute", "/domains/memory/query", "/domains/memory/verify/{id}", "/domains/memory/apply/{id}",
        "/domains/memory/domain/{id}", "/domains/memory/top-contributors", "/domains/memory/stats",
        "/domains/memory/confidence", "/domains/memory/retract/{id}",
        "/domains/workflows/create", "/domains/workflows/execute/{id}", "/domains/workflows/{id}", "/domains/workflows/list",
        "/domains/workflows-stats", "/domains/workflows/{id}/verify",
        "/domains/system/overview", "/domains/system/health",
        "/domains/reviews", "/domains/reviews/stream", "/domains/reviews/{id}", "/domains/reviews/{id}/approve",
        "/domains/reviews/{id}/reject", "/domains/reviews/{id}/correct", "/domains/reviews/stats",
        "/domains/swarms", "/domains/swarms/agents", "/domains/swarms/{name}", "/domains/swarms/{name}/agents",
        "/domains/swarms/{name}/agents/{id}/terminate", "/domains/swarms/{name}/orchestrate",
    ];

    /// <summary>A request per documented route: its template, method, path and body (null: none).</summary>
    public static readonly (string Route, HttpMethod Method, string Path, string? Body)[] Requests =
    [
        ("/domains/register", HttpMethod.Post, "/domains/register", """{"domain_id": "route_domain", "port": 8600, "capabilities": ["routes"]}"""),
        ("/domains/heartbeat/{id}", HttpMethod.Post, "/domains/heartbeat/route_domain", null),
        ("/domains/list", HttpMethod.Get, "/domains/list", null),
        ("/domains/domain/{id}", HttpMethod.Get, "/domains/domain/route_domain", null),
        ("/domains/capabilities", HttpMethod.Get, "/domains/capabilities", null),
        ("/domains/find-by-capability/{cap}", HttpMethod.Get, "/domains/find-by-capability/routes", null),
        ("/domains/registry-stats", HttpMethod.Get, "/domains/registry-stats", null),
        ("/domains/events/publish", HttpMethod.Post, "/domains/events/publish", """{"event_type": "route.ping", "source_domain": "route_domain", "data": {"n": 1}, "event_id": "route-ping-1"}"""),
        ("/domains/events/subscribe", HttpMethod.Post, "/domains/events/subscribe", """{"domain_id": "route_domain", "pattern": "route.*"}"""),
        ("/domains/events/subscriptions", HttpMethod.Get, "/domains/events/subscriptions", null),
        ("/domains/events/history", HttpMethod.Get, "/domains/events/history?event_type=route.ping", null),
        ("/domains/events/stats", HttpMethod.Get, "/domains/events/stats", null),
        ("/domains/events/rates", HttpMethod.Get, "/domains/events/rates", null),
        ("/domains/memory/contribute", HttpMethod.Post, "/domains/memory/contribute", """{"domain_id": "route_domain", "contribution_type": "insight", "content": {"tip": "routes"}}"""),
        ("/domains/memory/query", HttpMethod.Get, "/domains/memory/query?query=routes", null),
        ("/domains/memory/verify/{id}", HttpMethod.Post, "/domains/memory/verify/c_route", """{"domain_id": "route_checker"}"""),
        ("/domains/memory/apply/{id}", HttpMethod.Post, "/domains/memory/apply/c_route", """{"domain_id": "route_checker", "outcome": "success"}"""),
        ("/domains/memory/domain/{id}", HttpMethod.Get, "/domains/memory/domain/route_domain", null),
        ("/domains/memory/top-contributors", HttpMethod.Get, "/domains/memory/top-contributors", null),
        ("/domains/memory/stats", HttpMethod.Get, "/domains/memory/stats", null),
        ("/domains/memory/confidence", HttpMethod.Get, "/domains/memory/confidence", null),
        ("/domains/workflows/create", HttpMethod.Post, "/domains/workflows/create", """{"name": "route_flow", "steps": [{"domain_id": "route_domain", "action": "noop"}]}"""),
        ("/domains/workflows/execute/{id}", HttpMethod.Post, "/domains/workflows/execute/wf_route", null),
        ("/domains/workflows/{id}", HttpMethod.Get, "/domains/workflows/wf_route", null),
        ("/domains/workflows/list", HttpMethod.Get, "/domains/workflows/list", null),
        ("/domains/workflows-stats", HttpMethod.Get, "/domains/workflows-stats", null),
        ("/domains/workflows/{id}/verify", HttpMethod.Get, "/domains/workflows/wf_route/verify", null),
        ("/domains/system/overview", HttpMethod.Get, "/domains/system/overview", null),
        ("/domains/system/health", HttpMethod.Get, "/domains/system/health", null),
        ("/domains/unregister/{id}", HttpMethod.Post, "/domains/unregister/route_gone", null),
        ("/domains/events/unsubscribe/{id}", HttpMethod.Post, "/domains/events/unsubscribe/sub_route", null),
        ("/domains/events/dead-letters", HttpMethod.Get, "/domains/events/dead-letters?limit=10", null),
        ("/domains/events/dead-letters/replay", HttpMethod.Post, "/domains/events/dead-letters/replay", """{"subscription_id": "sub_route", "all": true}"""),
        ("/domains/actions/{domain_id}/{action}", HttpMethod.Post, "/domains/actions/memory/search", """{"query": "routes"}"""),
        ("/domains/memory/retract/{id}", HttpMethod.Post, "/domains/memory/retract/c_route", """{"reason": "route check"}"""),
        ("/domains/reviews", HttpMethod.Get, "/domains/reviews", null),
        ("/domains/reviews/stream", HttpMethod.Get, "/domains/reviews/stream", null),
        ("/domains/reviews/{id}", HttpMethod.Get, "/domains/reviews/apr_route", null),
        ("/domains/reviews/{id}/approve", HttpMethod.Post, "/domains/reviews/apr_route/approve", """{"comment": "fine"}"""),
        ("/domains/reviews/{id}/reject", HttpMethod.Post, "/domains/reviews/apr_route/reject", """{"comment": "no"}"""),
        ("/domains/reviews/{id}/correct", HttpMethod.Post, "/domains/reviews/rev_route/correct", """{"comment": "so", "content": {"tip": "fixed"}}"""),
        ("/domains/reviews/stats", HttpMethod.Get, "/domains/reviews/stats?domain=route_domain", null),
        ("/domains/swarms", HttpMethod.Post, "/domains/swarms", """{"name": "route_swarm", "topology": "mesh"}"""),
        ("/domains/swarms/agents", HttpMethod.Get, "/domains/swarms/agents", null),
        ("/domains/swarms/{name}", HttpMethod.Get, "/domains/swarms/route_swarm", null),
        ("/domains/swarms/{name}/agents", HttpMethod.Post, "/domains/swarms/route_swarm/agents", """{"type": "memory"}"""),
        ("/domains/swarms/{name}/agents/{id}/terminate", HttpMethod.Post, "/domains/swarms/route_swarm/agents/route_swarm.agent-99/terminate", null),
        ("/domains/swarms/{name}/orchestrate", HttpMethod.Post, "/domains/swarms/route_gone/orchestrate", """{"task": {"text": "routes"}}"""),
    ];
}
