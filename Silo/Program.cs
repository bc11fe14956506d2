using Microsoft.Extensions.Hosting;
using Rayswarm.Silo;

// One Orleans silo from configuration: a cluster member when a PostgreSQL connection is given, else a single silo on SQLite.
var builder = Host.CreateApplicationBuilder(args);
builder.AddSiloFromConfiguration(args);
if (SiloMigration.IsAsked(builder.Configuration)) { return await SiloMigration.RunAsync(builder.Configuration); }
using var host = builder.Build();
host.ReportWhenStarted();
await host.RunAsync();
return 0;
