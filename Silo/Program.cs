using Microsoft.Extensions.Hosting;
using Rayswarm.Runtime.Core;
using Rayswarm.Runtime.Sqlite;

// One silo from configuration. Single-machine for now: SQLite under --data-dir (default ./data).
var builder = Host.CreateApplicationBuilder(args);
var database = Path.Combine(Path.GetFullPath(builder.Configuration["data-dir"] is { Length: > 0 } dir ? dir : "data"), "rayswarm.db");
Directory.CreateDirectory(Path.GetDirectoryName(database)!);
builder.UseSilo(silo => silo
    .AddSqliteGrainStorage(GrainStorageNames.Default, o => o.DatabasePath = database)
    .UseSqliteReminders(o => o.DatabasePath = database));
await builder.Build().RunAsync();
