using Microsoft.Extensions.Options;

namespace Rayswarm.Runtime.Core;

/// <summary>Validates <see cref="StreamOptions"/> at start; each failure names the setting and the value it had.</summary>
internal sealed class StreamOptionsValidator : IValidateOptions<StreamOptions>
{
    public ValidateOptionsResult Validate(string? name, StreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string?[] failures =
        [
            Positive(options.PollPeriod, nameof(StreamOptions.PollPeriod)),
            AtLeastOne(options.BatchSize, nameof(StreamOptions.BatchSize)),
            AtLeastOne(options.MaxInFlightPerPartition, nameof(StreamOptions.MaxInFlightPerPartition)),
            AtLeastOne(options.MaxAttempts, nameof(StreamOptions.MaxAttempts)),
            Positive(options.InitialRetryDelay, nameof(StreamOptions.InitialRetryDelay)),
            Positive(options.MaxRetryDelay, nameof(StreamOptions.MaxRetryDelay)),
            options.MaxRetryDelay >= options.InitialRetryDelay ? null
                : $"StreamOptions.MaxRetryDelay must be at least StreamOptions.InitialRetryDelay (was {options.MaxRetryDelay}, initial {options.InitialRetryDelay}).",
            Positive(options.SubscriptionRefreshPeriod, nameof(StreamOptions.SubscriptionRefreshPeriod)),
            options.RetentionAge == Timeout.InfiniteTimeSpan ? null : Positive(options.RetentionAge, nameof(StreamOptions.RetentionAge)),
            options.RetentionMaxEventsPerStream >= 0 ? null
                : $"StreamOptions.RetentionMaxEventsPerStream must be 0 (no limit) or more (was {options.RetentionMaxEventsPerStream}).",
            Positive(options.RetentionPeriod, nameof(StreamOptions.RetentionPeriod)),
        ];
        var errors = failures.OfType<string>().ToArray();
        return errors.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static string? Positive(TimeSpan value, string setting) =>
        value > TimeSpan.Zero ? null : $"StreamOptions.{setting} must be greater than zero (was {value}).";

    private static string? AtLeastOne(int value, string setting) =>
        value >= 1 ? null : $"StreamOptions.{setting} must be at least 1 (was {value}).";
}
