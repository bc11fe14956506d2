using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Membership.Tests;

public sealed class SuspicionsJsonTests
{
    [Fact]
    public void Suspicions_round_trip_exactly_in_UTC()
    {
        var at = new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.FromHours(-3)).AddTicks(1234567);
        Suspicion[] suspicions = [new(new SiloAddress("10.0.0.1", 11111, 42), at), new(new SiloAddress("::1", 1, 7), at.AddSeconds(1))];

        var json = SuspicionsJson.Write(suspicions);
        var read = SuspicionsJson.Read(json);

        Assert.Equal(suspicions.Select(s => s.By), read.Select(s => s.By));
        Assert.Equal(suspicions.Select(s => s.At), read.Select(s => s.At));
        Assert.All(read, s => Assert.Equal(TimeSpan.Zero, s.At.Offset));
        Assert.Equal("[]", SuspicionsJson.Write([]));
        Assert.Empty(SuspicionsJson.Read("[]"));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{}")]
    [InlineData("[{\"by\":\"nonsense\",\"at\":\"2026-01-01T00:00:00Z\"}]")]
    [InlineData("[{\"at\":\"2026-01-01T00:00:00Z\"}]")]
    public void Text_that_is_not_a_list_of_suspicions_is_a_FormatException(string json) =>
        Assert.Throws<FormatException>(() => SuspicionsJson.Read(json));
}
