using Microsoft.Extensions.Options;

namespace Rayswarm.Runtime.Core;

/// <summary>Rejects <see cref="MembershipOptions"/> that cannot work; each failure names the setting and its value.</summary>
public sealed class MembershipOptionsValidator : IValidateOptions<MembershipOptions>
{
    private const string Prefix = nameof(MembershipOptions) + ".";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = FindProblems(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Everything wrong with <paramref name="options"/>; empty when they are valid.</summary>
    internal static IReadOnlyList<string> FindProblems(MembershipOptions options)
    {
        string?[] problems =
        [
            Positive(options.ProbePeriod, nameof(MembershipOptions.ProbePeriod)),
            Positive(options.ProbeTimeout, nameof(MembershipOptions.ProbeTimeout)),
            AtLeastOne(options.MissedProbesLimit, nameof(MembershipOptions.MissedProbesLimit)),
            AtLeastOne(options.NumVotesForDeath, nameof(MembershipOptions.NumVotesForDeath)),
            AtLeastOne(options.ProbedSilos, nameof(MembershipOptions.ProbedSilos)),
            Positive(options.IAmAlivePeriod, nameof(MembershipOptions.IAmAlivePeriod)),
            Positive(options.TableRefreshPeriod, nameof(MembershipOptions.TableRefreshPeriod)),
            options.DeadSiloRetention > TimeSpan.Zero || options.DeadSiloRetention == Timeout.InfiniteTimeSpan ? null
                : $"{Prefix}{nameof(MembershipOptions.DeadSiloRetention)} must be greater than zero (was {options.DeadSiloRetention}).",
            Longer(options.SuspicionExpiry, nameof(MembershipOptions.SuspicionExpiry), options.ProbePeriod, nameof(MembershipOptions.ProbePeriod)),
            Longer(options.StaleSiloLimit, nameof(MembershipOptions.StaleSiloLimit), options.IAmAlivePeriod, nameof(MembershipOptions.IAmAlivePeriod)),
        ];
        return problems.OfType<string>().ToArray();
    }

    private static string? Positive(TimeSpan value, string setting) =>
        value > TimeSpan.Zero ? null : $"{Prefix}{setting} must be greater than zero (was {value}).";

    private static string? AtLeastOne(int value, string setting) =>
        value >= 1 ? null : $"{Prefix}{setting} must be at least 1 (was {value}).";

    private static string? Longer(TimeSpan value, string setting, TimeSpan other, string otherSetting) =>
        value > other ? null : $"{Prefix}{setting} must be longer than {Prefix}{otherSetting} (was {value}, {otherSetting} is {other}).";
}
