using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rayswarm.Runtime.Core;

namespace Rayswarm.Runtime.Membership.Tests;

public sealed class MembershipOptionsTests
{
    public static TheoryData<Action<MembershipOptions>, string> InvalidSettings => new()
    {
        { o => o.ProbePeriod = TimeSpan.Zero, "MembershipOptions.ProbePeriod" },
        { o => o.ProbeTimeout = TimeSpan.FromSeconds(-1), "MembershipOptions.ProbeTimeout" },
        { o => o.MissedProbesLimit = 0, "MembershipOptions.MissedProbesLimit" },
        { o => o.NumVotesForDeath = 0, "MembershipOptions.NumVotesForDeath" },
        { o => o.ProbedSilos = 0, "MembershipOptions.ProbedSilos" },
        { o => o.IAmAlivePeriod = TimeSpan.Zero, "MembershipOptions.IAmAlivePeriod" },
        { o => o.TableRefreshPeriod = Timeout.InfiniteTimeSpan, "MembershipOptions.TableRefreshPeriod" },
        { o => o.DeadSiloRetention = TimeSpan.Zero, "MembershipOptions.DeadSiloRetention" },
        { o => o.SuspicionExpiry = TimeSpan.FromSeconds(1), "MembershipOptions.SuspicionExpiry" },
        { o => o.StaleSiloLimit = TimeSpan.FromSeconds(5), "MembershipOptions.StaleSiloLimit" },
    };

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new MembershipOptionsValidator().Validate(null, new MembershipOptions()).Succeeded);
        Assert.True(new MembershipOptionsValidator().Validate(null, new MembershipOptions { DeadSiloRetention = Timeout.InfiniteTimeSpan }).Succeeded);
    }

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void An_invalid_setting_fails_with_a_message_naming_it(Action<MembershipOptions> change, string setting)
    {
        var options = new MembershipOptions();
        change(options);

        var result = new MembershipOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
        var error = Assert.Throws<OptionsValidationException>(() => new MembershipService(
            TestCluster.NewAddress(), "s", new MemoryMembershipTable("c"), new TestNetwork().ProberFor(TestCluster.NewAddress()),
            options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_options_bind_from_their_configuration_section_and_are_validated()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Rayswarm:Membership:ProbePeriod"] = "00:00:02",
                ["Rayswarm:Membership:NumVotesForDeath"] = "3",
                ["Rayswarm:Membership:MissedProbesLimit"] = "0",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddOptions<MembershipOptions>().Bind(configuration.GetSection(MembershipOptions.SectionName));
        services.AddSingleton<IValidateOptions<MembershipOptions>, MembershipOptionsValidator>();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MembershipOptions>>().Value);

        Assert.Contains("MembershipOptions.MissedProbesLimit must be at least 1 (was 0)", error.Message, StringComparison.Ordinal);
        var bound = configuration.GetSection(MembershipOptions.SectionName).Get<MembershipOptions>()!;
        Assert.Equal(TimeSpan.FromSeconds(2), bound.ProbePeriod);
        Assert.Equal(3, bound.NumVotesForDeath);
    }
}
