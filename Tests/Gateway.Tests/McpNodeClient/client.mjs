// Lists and calls the gateway's tools with the official TypeScript MCP SDK; prints one JSON line for the test to check.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, domainId] = process.argv.slice(2);
const transport = new StreamableHTTPClientTransport(new URL(url));
const client = new Client({ name: "rayswarm-node-test", version: "1.0.0" });
await client.connect(transport);

const tools = await client.listTools();
const registered = await client.callTool({ name: "register_domain", arguments: { domain_id: domainId, capabilities: ["node"], port: 9100 } });
const fetched = await client.callTool({ name: "get_domain", arguments: { domain_id: domainId } });
const found = await client.callTool({ name: "find_domains_by_capability", arguments: { capability: "node" } });
const health = await client.callTool({ name: "system_health", arguments: {} });
const missing = await client.callTool({ name: "get_domain", arguments: { domain_id: "nobody-registered-this" } });
// One tool of each other area.
const published = await client.callTool({ name: "publish_event", arguments: { event_type: "node.hello", source_domain: domainId, data: { n: 1 } } });
const history = await client.callTool({ name: "event_history", arguments: { source_domain: domainId } });
const contributed = await client.callTool({ name: "contribute_knowledge", arguments: { domain_id: domainId, contribution_type: "tip", content: { hint: "nodejs quokka" } } });
const queried = await client.callTool({ name: "query_knowledge", arguments: { query: "quokka" } });
const orchestrated = await client.callTool({ name: "orchestrate", arguments: { name: "node_flow", steps: [{ domain_id: "node-missing-domain", action: "search" }] } });
const overview = await client.callTool({ name: "system_overview", arguments: {} });

// Then every other tool, each with valid arguments: the test checks that every listed tool answered without error.
const called = {};
const call = async (name, args) => {
  const result = await client.callTool({ name, arguments: args });
  called[name] = result.isError === true ? `error: ${result.content[0]?.text}` : "ok";
  return result.structuredContent;
};
for (const [name, result] of Object.entries({ register_domain: registered, get_domain: fetched, find_domains_by_capability: found,
  system_health: health, publish_event: published, event_history: history, contribute_knowledge: contributed,
  query_knowledge: queried, orchestrate: orchestrated, system_overview: overview })) {
  called[name] = result.isError === true ? `error: ${result.content[0]?.text}` : "ok";
}
const peer = `${domainId}-peer`;
await call("register_domain", { domain_id: peer, capabilities: ["node"], endpoint: "http://127.0.0.1:9101" });
await call("heartbeat_domain", { domain_id: domainId });
await call("list_domains", {});
await call("capability_map", {});
const nodeSubscription = await call("subscribe_domain", { domain_id: domainId, pattern: "node.*" });
await call("list_subscriptions", { domain_id: domainId });
await call("list_dead_letters", { subscription_id: nodeSubscription.subscription_id, limit: 10 });
await call("replay_dead_letters", { subscription_id: nodeSubscription.subscription_id, all: true });
await call("event_stats", {});
const contributionId = contributed.structuredContent.contribution_id;
await call("verify_knowledge", { contribution_id: contributionId, domain_id: peer });
await call("apply_knowledge", { contribution_id: contributionId, domain_id: peer, outcome: "success" });
await call("domain_contributions", { domain_id: domainId });
await call("top_contributors", { limit: 5 });
await call("memory_stats", {});
const created = await call("create_workflow", { name: "node_builtin_flow", steps: [
  { domain_id: "memory", action: "contribute", data: { contribution_type: "tip", content: { hint: "node wombat" } } },
  { domain_id: "memory", action: "search", data: { query: "wombat" }, depends_on: ["step_1"] },
] });
const executed = await call("execute_workflow", { workflow_id: created.workflow_id, wait_seconds: 30 });
await call("get_workflow", { workflow_id: created.workflow_id });
await call("list_workflows", { limit: 10 });
await call("verify_workflow", { workflow_id: created.workflow_id });
await call("workflow_stats", {});
await call("memory_search", { query: "wombat" });
await call("memory_contribute", { contribution_type: "tip", content: { hint: "node numbat" } });
await call("events_publish", { event_type: "node.direct", data: { n: 2 } });

// What was registered can be taken back: a subscription, a contribution, a domain.
const subscription = await call("subscribe_domain", { domain_id: peer, pattern: "node.gone" });
await call("unsubscribe_domain", { subscription_id: subscription.subscription_id });
const fleeting = await call("contribute_knowledge", { domain_id: domainId, contribution_type: "tip", content: { hint: "node fleeting" } });
await call("retract_knowledge", { contribution_id: fleeting.contribution_id, reason: "the node client's check" });
await call("unregister_domain", { domain_id: peer });

// Approval steps: two workflows wait for a person; this client (the local principal, expert of every domain) decides.
const reviewOf = async (workflowId) => {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    const workflow = await call("get_workflow", { workflow_id: workflowId });
    const reviewId = workflow?.steps?.find((s) => s.review_id)?.review_id;
    if (reviewId) return reviewId;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`workflow ${workflowId} never waited for approval`);
};
const approvals = [];
for (const name of ["node_approve", "node_reject"]) {
  const waiting = await call("create_workflow", { name, steps: [{ type: "approval", domain_id: domainId, prompt: "Ship it?", timeout: "PT1H" }] });
  await call("execute_workflow", { workflow_id: waiting.workflow_id, wait_seconds: 0 });
  approvals.push(await reviewOf(waiting.workflow_id));
}
await call("list_reviews", { domain: domainId });
await call("get_review", { review_id: approvals[0] });
await call("approve_review", { review_id: approvals[0], comment: "fine" });
await call("reject_review", { review_id: approvals[1], comment: "not today" });
// A contribution of the reviewed domain waits for its expert (review id "rev_" + its id), who corrects it.
const reviewed = await call("contribute_knowledge", { domain_id: "mcp_reviewed", contribution_type: "tip", content: { hint: "node draft" } });
await call("correct_review", { review_id: `rev_${reviewed.contribution_id}`, content: { hint: "node corrected" }, comment: "clearer" });
await call("review_stats", { domain: "mcp_reviewed" });

// A swarm: init, three agents, a task orchestrated over them (star: dispatch → workers → collect), then its agents.
const swarmName = `node-${Date.now()}`;
await call("swarm_init", { name: swarmName, topology: "star", max_agents: 3 });
for (const type of ["coordinator", "memory", "memory"]) await call("spawn_agent", { swarm: swarmName, type });
const swarmRun = await call("orchestrate", { swarm: swarmName, task: { text: "wombat" }, strategy: "parallel", wait_seconds: 30 });
const swarmAgents = await call("query_agents", { swarm: swarmName });
await call("swarm_status", { swarm: swarmName });
const progress = [];
const monitorResult = await client.callTool({ name: "swarm_monitor", arguments: { swarm: swarmName, wait_seconds: 10 } }, undefined,
  { onprogress: (p) => progress.push(p) });
called.swarm_monitor = monitorResult.isError === true ? `error: ${monitorResult.content[0]?.text}` : "ok";
await call("terminate_agent", { swarm: swarmName, agent_id: swarmAgents.agents[2].agent_id });

console.log(JSON.stringify({
  session: transport.sessionId ?? null,
  tools: tools.tools.map((t) => ({ name: t.name, description: t.description, required: t.inputSchema.required ?? [] })),
  registered: registered.structuredContent,
  fetched: fetched.structuredContent,
  found: found.structuredContent,
  health: health.structuredContent,
  missing: { isError: missing.isError === true, text: missing.content[0]?.text },
  published: published.structuredContent,
  history: history.structuredContent,
  contributed: contributed.structuredContent,
  queried: queried.structuredContent,
  orchestrated: orchestrated.structuredContent,
  overview: overview.structuredContent,
  executed_status: executed?.status ?? null,
  swarm: {
    status: swarmRun?.status ?? null, topology: swarmRun?.topology ?? null,
    steps: swarmRun?.steps?.map((st) => st.step_id) ?? [],
    agents: swarmAgents?.agents?.map((a) => a.agent_id) ?? [],
    progress: progress.map((p) => ({ progress: p.progress, total: p.total })),
  },
  called,
}));
await transport.terminateSession();
await client.close();
