using Rayswarm.Gateway;

var builder = WebApplication.CreateBuilder(args);
builder.AddGateway();

var app = builder.Build();
app.UseGateway();
app.MapSystemApi();

app.Run();

/// <summary>The gateway's entry point (public for in-process tests).</summary>
public partial class Program;
