using Rayswarm.Grains.Providers.Tests.Storage;

namespace Rayswarm.Grains.Providers.Tests.Reminders;

/// <summary>Range reads by uniform grain hash: (begin, end], wrapping around when begin &gt;= end.</summary>
public sealed class SqliteReminderTableRangeTests(SqliteFile file) : IClassFixture<SqliteFile>
{
    [Fact]
    public async Task A_range_excludes_its_begin_and_includes_its_end()
    {
        var table = ReminderTableUnderTest.Open(file.Path);
        var (type, low, middle, high) = await UpsertSpreadAsync(table);

        Assert.Equal([middle], await ReadAsync(table, type, 0x2000_0000, 0xDFFF_FFFF));
        Assert.Equal([low], await ReadAsync(table, type, low.GetUniformHashCode() - 1, low.GetUniformHashCode()));
        Assert.Equal([middle], await ReadAsync(table, type, low.GetUniformHashCode(), middle.GetUniformHashCode()));
        Assert.Empty(await ReadAsync(table, type, middle.GetUniformHashCode(), high.GetUniformHashCode() - 1));
        Assert.Equal([low, middle, high], await ReadAsync(table, type, 0, uint.MaxValue));
    }

    [Fact]
    public async Task A_range_whose_begin_is_not_below_its_end_wraps_around()
    {
        var table = ReminderTableUnderTest.Open(file.Path);
        var (type, low, middle, high) = await UpsertSpreadAsync(table);

        Assert.Equal([low, high], await ReadAsync(table, type, 0xE000_0000, 0x1FFF_FFFF));
        Assert.Equal([low], await ReadAsync(table, type, high.GetUniformHashCode(), low.GetUniformHashCode()));
        Assert.Equal([high], await ReadAsync(table, type, high.GetUniformHashCode() - 1, 0));
        Assert.Equal([low], await ReadAsync(table, type, uint.MaxValue, low.GetUniformHashCode()));
        // begin == end is the whole ring.
        Assert.Equal([low, middle, high], await ReadAsync(table, type, middle.GetUniformHashCode(), middle.GetUniformHashCode()));
        Assert.Equal([low, middle, high], await ReadAsync(table, type, 0, 0));
    }

    /// <summary>Three grains of a new type: one hashing low (from 1), one in the middle, one high (below the maximum).</summary>
    private static async Task<(string Type, GrainId Low, GrainId Middle, GrainId High)> UpsertSpreadAsync(SqliteReminderTable table)
    {
        var type = TestGrainIds.UniqueType("ranged");
        var low = TestGrainIds.WithHashBetween(type, 0x0000_0001, 0x0FFF_FFFF);
        var middle = TestGrainIds.WithHashBetween(type, 0x7000_0000, 0x8FFF_FFFF);
        var high = TestGrainIds.WithHashBetween(type, 0xF000_0000, 0xFFFF_FFFE);
        foreach (var grain in (GrainId[])[low, middle, high]) { await table.UpsertRow(ReminderTableUnderTest.Entry(grain, "r")); }
        return (type, low, middle, high);
    }

    /// <summary>The grains of <paramref name="type"/> in the range by hash, after checking that no row outside the range came back.</summary>
    private static async Task<GrainId[]> ReadAsync(SqliteReminderTable table, string type, uint begin, uint end)
    {
        var rows = (await table.ReadRows(begin, end)).Reminders;
        Assert.All(rows, r => Assert.True(
            ReminderTableUnderTest.InRange(r.GrainId.GetUniformHashCode(), begin, end),
            $"{r.GrainId} ({r.GrainId.GetUniformHashCode():X8}) is outside ({begin:X8}, {end:X8}]."));
        return [.. rows.Where(r => r.GrainId.Type.ToString() == type).OrderBy(r => r.GrainId.GetUniformHashCode()).Select(r => r.GrainId)];
    }
}
