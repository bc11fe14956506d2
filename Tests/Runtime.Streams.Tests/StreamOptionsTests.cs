using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Streams.Tests;

public sealed class StreamOptionsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        var options = new StreamOptions();
        Assert.True(new StreamOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.PollPeriod);
        Assert.Equal(512, options.BatchSize);
        Assert.Equal(4096, options.MaxInFlightPerPartition);
        Assert.Equal(5, options.MaxAttempts);
        Assert.Equal("Rayswarm:Streams", StreamOptions.SectionName);
    }

    [Fact]
    public void Invalid_settings_fail_naming_each_setting()
    {
        var result = new StreamOptionsValidator().Validate(null, new StreamOptions { BatchSize = 0, PollPeriod = TimeSpan.Zero, MaxAttempts = -1 });
        Assert.True(result.Failed);
        Assert.Contains("StreamOptions.BatchSize", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("StreamOptions.PollPeriod", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("StreamOptions.MaxAttempts", result.FailureMessage, StringComparison.Ordinal);
    }
}
