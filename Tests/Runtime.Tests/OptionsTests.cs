using Microsoft.Extensions.Options;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Tests;

public sealed class OptionsTests
{
    [Theory]
    [InlineData("GrainCollection", "CollectionAge", "-00:01:00", "GrainCollectionOptions.CollectionAge")]
    [InlineData("GrainCollection", "CollectionQuantum", "00:00:00", "GrainCollectionOptions.CollectionQuantum")]
    [InlineData("Messaging", "ResponseTimeout", "-00:00:01", "MessagingOptions.ResponseTimeout")]
    [InlineData("Scheduling", "MaxLocalStatelessWorkers", "0", "SchedulingOptions.MaxLocalStatelessWorkers")]
    [InlineData("Reminders", "MinimumPeriod", "00:00:00", "ReminderOptions.MinimumPeriod")]
    public async Task An_invalid_option_fails_the_start_with_a_message_naming_it(string section, string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestSilo.StartAsync(settings: new Dictionary<string, string?> { [$"Rayswarm:{section}:{key}"] = value }));
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public async Task Options_bind_from_configuration()
    {
        await using var silo = await TestSilo.StartAsync(settings: new Dictionary<string, string?> { ["Rayswarm:Messaging:ResponseTimeout"] = "00:00:07" });
        var options = (IOptions<MessagingOptions>)silo.Host.Services.GetService(typeof(IOptions<MessagingOptions>))!;
        Assert.Equal(TimeSpan.FromSeconds(7), options.Value.ResponseTimeout);
    }
}
