using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Rayswarm.Grains.Providers.Tests.Storage;

/// <summary>State written through grains of a real silo, read back by a new silo on the same file.</summary>
public sealed class SqliteGrainStorageRestartTests(SqliteFile file) : IClassFixture<SqliteFile>
{
    [Fact]
    public async Task State_written_by_a_grain_is_read_back_by_a_new_silo_on_the_same_file()
    {
        var path = file.NewPath();
        var before = await StartAsync(path);
        var counter = Grain(before, "a");
        await counter.Add(2, "first");
        Assert.Equal(5, await counter.Add(3, "second"));
        await TestSilo.StopAsync(before);

        var after = await StartAsync(path);
        try
        {
            var read = await Grain(after, "a").Get();

            Assert.Equal(5, read.Count);
            Assert.True(read.CountExists);
            Assert.Equal(["first", "second"], read.Notes);
            Assert.True(read.NotesExist);
            Assert.Equal(6, await Grain(after, "a").Add(1, "third")); // the ETag read back fences the next write
            Assert.False((await Grain(after, "b").Get()).CountExists);
        }
        finally
        {
            await TestSilo.StopAsync(after);
        }
    }

    [Fact]
    public async Task State_cleared_by_a_grain_stays_cleared_in_a_new_silo_and_can_be_written_again()
    {
        var path = file.NewPath();
        var before = await StartAsync(path);
        await Grain(before, "c").Add(4, "gone");
        await Grain(before, "c").Clear();
        await TestSilo.StopAsync(before);

        var after = await StartAsync(path);
        try
        {
            var read = await Grain(after, "c").Get();
            Assert.Equal((0, false, 0, false), (read.Count, read.CountExists, read.Notes.Count, read.NotesExist));

            Assert.Equal(1, await Grain(after, "c").Add(1, "again"));
        }
        finally
        {
            await TestSilo.StopAsync(after);
        }
    }

    private static Task<IHost> StartAsync(string path) =>
        TestSilo.StartAsync(silo => silo
            .AddSqliteGrainStorage(CounterGrain.StorageName, o => o.DatabasePath = path)
            .AddSqliteGrainStorageAsDefault(o => o.DatabasePath = path));

    private static ICounterGrain Grain(IHost host, string key) => host.Services.GetRequiredService<IGrainFactory>().GetGrain<ICounterGrain>(key);
}
