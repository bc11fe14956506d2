namespace Rayswarm.Grains.Providers.Tests.Streaming;

public sealed class NewStreamEventTests
{
    private static readonly StreamId Stream = StreamId.Create("ns", "key");

    [Fact]
    public void A_minted_id_is_a_fresh_version_7_guid_in_32_hex_digits()
    {
        var minted = NewStreamEvent.WithMintedId(Stream, "{}");

        Assert.True(minted.FreshId);
        Assert.Equal(Stream, minted.Stream);
        Assert.Equal("{}", minted.Data);
        Assert.Matches("^[0-9a-f]{32}$", minted.EventId);
        Assert.Equal(7, Guid.ParseExact(minted.EventId, "N").Version);
    }

    [Fact]
    public void Ids_minted_in_a_later_millisecond_sort_after_the_earlier_ones()
    {
        var earlier = Enumerable.Range(0, 100).Select(_ => NewStreamEvent.WithMintedId(Stream, "{}").EventId).ToList();
        var mintedBy = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() <= mintedBy + 1 && DateTime.UtcNow < deadline) { Thread.SpinWait(100); }

        var later = NewStreamEvent.WithMintedId(Stream, "{}").EventId;

        Assert.All(earlier, id => Assert.True(string.CompareOrdinal(later, id) > 0, $"{later} should sort after {id}"));
        Assert.Equal(earlier.Count, earlier.Distinct(StringComparer.Ordinal).Count());
    }
}
