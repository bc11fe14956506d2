using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Rayswarm.Grains.Providers.Tests.Streaming;

public sealed class StreamPatternTests
{
    [Theory]
    [InlineData("*", "ml", true)]
    [InlineData("*", "ml.a.b", true)]
    [InlineData("ml.*", "ml.prediction", true)]
    [InlineData("ml.*", "ml.a.b", false)]
    [InlineData("ml.*", "ml", false)]
    [InlineData("ml.#", "ml", true)]
    [InlineData("ml.#", "ml.a", true)]
    [InlineData("ml.#", "ml.a.b", true)]
    [InlineData("ml.#", "mlx.a", false)]
    [InlineData("#.done", "a.b.done", true)]
    [InlineData("a.*.c", "a.b.c", true)]
    [InlineData("a.*.c", "a.c", false)]
    [InlineData("ml.prediction", "ml.prediction", true)]
    [InlineData("ml.prediction", "ML.prediction", false)]
    [InlineData("ml.prediction", "ml.prediction.x", false)]
    public void Pattern_matches_keys_by_its_wildcard_rules(string pattern, string key, bool matches) =>
        Assert.Equal(matches, new StreamPattern(pattern).Matches(key));

    [Theory]
    [InlineData("")]
    [InlineData("ml..a")]
    [InlineData(".ml")]
    [InlineData("ml.")]
    [InlineData("ml*")]
    [InlineData("ml.a#")]
    [InlineData("**")]
    public void Invalid_pattern_throws_FormatException(string pattern) =>
        Assert.Throws<FormatException>(() => new StreamPattern(pattern));

    [Fact]
    public void Literal_pattern_is_literal_and_wildcards_are_not()
    {
        Assert.True(new StreamPattern("ml.prediction").IsLiteral);
        Assert.False(new StreamPattern("ml.*").IsLiteral);
        Assert.False(new StreamPattern("#").IsLiteral);
    }

    [Fact]
    public void A_pattern_survives_the_Orleans_serializer_and_still_matches()
    {
        using var services = new ServiceCollection().AddSerializer(s => s.AddAssembly(typeof(StreamPattern).Assembly)).BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();

        var copy = serializer.Deserialize<StreamPattern>(serializer.SerializeToArray(new StreamPattern("ml.#")));

        Assert.NotNull(copy);
        Assert.Equal("ml.#", copy.Text);
        Assert.True(copy.Matches("ml.a.b"));
        Assert.False(copy.Matches("x"));
    }
}
