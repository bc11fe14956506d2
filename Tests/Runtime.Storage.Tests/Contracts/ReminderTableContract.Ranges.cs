using Rayswarm.Runtime.Abstractions;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Storage.Tests;

/// <summary>Range reads by grain hash, inclusive and wrapping around.</summary>
public abstract partial class ReminderTableContract
{
    [Fact]
    public async Task ReadRange_returns_the_rows_whose_hash_is_in_the_inclusive_range()
    {
        var table = await OpenAsync();
        var (type, low, middle, high) = await UpsertSpreadAsync(table);

        Assert.Equal([middle], await ReadRangeAsync(table, type, 0x2000_0000, 0xDFFF_FFFF));
        Assert.Equal([middle], await ReadRangeAsync(table, type, middle.StableHash(), middle.StableHash()));
        Assert.Equal([low, middle], await ReadRangeAsync(table, type, low.StableHash(), middle.StableHash()));
        Assert.Equal([low, middle, high], await ReadRangeAsync(table, type, 0, uint.MaxValue));
    }

    [Fact]
    public async Task ReadRange_wraps_around_when_begin_exceeds_end()
    {
        var table = await OpenAsync();
        var (type, low, middle, high) = await UpsertSpreadAsync(table);

        Assert.Equal([low, high], await ReadRangeAsync(table, type, 0xE000_0000, 0x1FFF_FFFF));
        Assert.Equal([low, high], await ReadRangeAsync(table, type, high.StableHash(), low.StableHash()));
        Assert.Equal([low, middle, high], await ReadRangeAsync(table, type, middle.StableHash(), middle.StableHash() - 1));
        Assert.Equal([high], await ReadRangeAsync(table, type, high.StableHash(), 0));
        Assert.Equal([low], await ReadRangeAsync(table, type, uint.MaxValue, low.StableHash()));
    }

    /// <summary>Three grains of a fresh type: one hashing low (below 0x1000_0000), one in the middle, one high (from 0xF000_0000).</summary>
    private static async Task<(string Type, GrainId Low, GrainId Middle, GrainId High)> UpsertSpreadAsync(IReminderTable table)
    {
        var type = TestGrains.UniqueType("Ranged");
        var low = TestGrains.WithHashBetween(type, 0x0000_0001, 0x0FFF_FFFF);
        var middle = TestGrains.WithHashBetween(type, 0x7000_0000, 0x8FFF_FFFF);
        var high = TestGrains.WithHashBetween(type, 0xF000_0000, 0xFFFF_FFFE);
        foreach (var grain in (GrainId[])[low, middle, high]) { await table.UpsertAsync(Entry(grain, "r"), None); }
        return (type, low, middle, high);
    }

    /// <summary>The grains of <paramref name="type"/> in the range, ordered by hash, after checking that no row outside the range came back.</summary>
    private static async Task<GrainId[]> ReadRangeAsync(IReminderTable table, string type, uint begin, uint end)
    {
        var rows = await table.ReadRangeAsync(begin, end, None);
        Assert.All(rows, r => Assert.True(MemoryReminderTable.InRange(r.GrainHash, begin, end), $"{r.GrainId} ({r.GrainHash:X8}) is outside [{begin:X8}, {end:X8}]."));
        return [.. rows.Where(r => r.GrainId.Type == type).OrderBy(r => r.GrainHash).Select(r => r.GrainId)];
    }
}
