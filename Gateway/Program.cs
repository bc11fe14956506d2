using Rayswarm.Gateway;

// Settings come from beside the executable; data (--data-dir, default ./data) from where it is started.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = McpStdio.NormalizeSwitch(args), ContentRootPath = AppContext.BaseDirectory });
builder.AddGateway();
builder.AddMcp();

var app = builder.Build();
app.UseGateway();
app.MapDomainApis();
app.MapMcpEndpoint();
app.MapDomainActionsApi(); // through the MCP domain tools
app.MapSwarmsApi();
app.MapDashboard();
app.MapReviewPage();

app.Run();

/// <summary>The gateway's entry point (public for in-process tests).</summary>
public partial class Program;
