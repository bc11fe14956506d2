using Microsoft.Extensions.Hosting;
using Rayswarm.Silo;

// One Orleans silo from configuration: a cluster member when a PostgreSQL connection is given, else a single silo on SQLite.
var builder = Host.CreateApplicationBuilder(args);
try
{
    builder.AddSiloFromConfiguration(args);
}
catch (InvalidOperationException e)
{
    // A bad switch or an unsafe setup (off loopback without TLS): one clear line, no stack trace.
    await Console.Error.WriteLineAsync($"silo: {e.Message}");
    return 1;
}
if (SiloMigration.IsAsked(builder.Configuration)) { return await SiloMigration.RunAsync(builder.Configuration); }
using var host = builder.Build();
host.ReportWhenStarted();
await host.RunAsync();
return 0;
