using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Streams.Tests;

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
}
