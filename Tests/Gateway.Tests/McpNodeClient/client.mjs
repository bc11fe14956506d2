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
}));
await transport.terminateSession();
await client.close();
