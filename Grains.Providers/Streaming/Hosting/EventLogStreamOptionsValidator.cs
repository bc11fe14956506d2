using Microsoft.Extensions.Options;

namespace Rayswarm.Grains.Providers;

/// <summary>Validates <see cref="EventLogStreamOptions"/> at start; each failure names the setting and the value it had.</summary>
internal sealed class EventLogStreamOptionsValidator : IValidateOptions<EventLogStreamOptions>
{
    public ValidateOptionsResult Validate(string? name, EventLogStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string?[] failures =
        [
            Positive(options.PollPeriod, nameof(EventLogStreamOptions.PollPeriod)),
            Positive(options.PumpPeriod, nameof(EventLogStreamOptions.PumpPeriod)),
            AtLeastOne(options.BatchSize, nameof(EventLogStreamOptions.BatchSize)),
            AtLeastOne(options.MaxInFlightPerPartition, nameof(EventLogStreamOptions.MaxInFlightPerPartition)),
            AtLeastOne(options.MaxAttempts, nameof(EventLogStreamOptions.MaxAttempts)),
            Positive(options.InitialRetryDelay, nameof(EventLogStreamOptions.InitialRetryDelay)),
            Positive(options.MaxRetryDelay, nameof(EventLogStreamOptions.MaxRetryDelay)),
            options.MaxRetryDelay >= options.InitialRetryDelay ? null
                : $"EventLogStreamOptions.MaxRetryDelay must be at least EventLogStreamOptions.InitialRetryDelay (was {options.MaxRetryDelay}, initial {options.InitialRetryDelay}).",
            Positive(options.DeliveryTimeout, nameof(EventLogStreamOptions.DeliveryTimeout)),
            Positive(options.SubscriptionRefreshPeriod, nameof(EventLogStreamOptions.SubscriptionRefreshPeriod)),
            options.RetentionAge == Timeout.InfiniteTimeSpan ? null : Positive(options.RetentionAge, nameof(EventLogStreamOptions.RetentionAge)),
            options.RetentionMaxEventsPerStream >= 0 ? null
                : $"EventLogStreamOptions.RetentionMaxEventsPerStream must be 0 (no limit) or more (was {options.RetentionMaxEventsPerStream}).",
            Positive(options.RetentionPeriod, nameof(EventLogStreamOptions.RetentionPeriod)),
        ];
        var errors = failures.OfType<string>().ToArray();
        return errors.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static string? Positive(TimeSpan value, string setting) =>
        value > TimeSpan.Zero ? null : $"EventLogStreamOptions.{setting} must be greater than zero (was {value}).";

    private static string? AtLeastOne(int value, string setting) =>
        value >= 1 ? null : $"EventLogStreamOptions.{setting} must be at least 1 (was {value}).";
}
