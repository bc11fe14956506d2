namespace Rayswarm.Grains.Tests;

public sealed class RegistryOptionsTests
{
    [Fact]
    public void Defaults_are_a_30_second_interval_and_three_missed_heartbeats()
    {
        var options = new RegistryOptions();
        Assert.Equal(TimeSpan.FromSeconds(30), options.HeartbeatInterval);
        Assert.Equal(3, options.MissedHeartbeatsForUnhealthy);
        Assert.Equal(TimeSpan.FromSeconds(90), options.UnhealthyAfter);
        Assert.Equal(TimeSpan.FromMinutes(1), options.HealthCheckPeriod); // the silo's minimum reminder period
    }

    [Fact]
    public void An_invalid_setting_is_refused_with_its_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RegistryOptions { MissedHeartbeatsForUnhealthy = 0 }.Validate());
        Assert.Contains("RegistryOptions.MissedHeartbeatsForUnhealthy", error.Message);
    }
}
