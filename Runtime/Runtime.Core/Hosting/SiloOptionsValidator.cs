using Microsoft.Extensions.Options;

namespace Rayswarm.Runtime.Core;

/// <summary>Validates the silo's options at start; each failure names the setting and the value it had.</summary>
internal sealed class SiloOptionsValidator :
    IValidateOptions<GrainCollectionOptions>,
    IValidateOptions<MessagingOptions>,
    IValidateOptions<SchedulingOptions>,
    IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, GrainCollectionOptions options) => Collect(
        Positive(options.CollectionAge, "GrainCollectionOptions.CollectionAge", allowInfinite: true),
        Positive(options.CollectionQuantum, "GrainCollectionOptions.CollectionQuantum"),
        Positive(options.DeactivationTimeout, "GrainCollectionOptions.DeactivationTimeout"));

    public ValidateOptionsResult Validate(string? name, MessagingOptions options) =>
        Collect(Positive(options.ResponseTimeout, "MessagingOptions.ResponseTimeout", allowInfinite: true));

    public ValidateOptionsResult Validate(string? name, SchedulingOptions options) => Collect(
        options.MaxLocalStatelessWorkers >= 1 ? null
            : $"SchedulingOptions.MaxLocalStatelessWorkers must be at least 1 (was {options.MaxLocalStatelessWorkers}).");

    public ValidateOptionsResult Validate(string? name, ReminderOptions options) =>
        Collect(Positive(options.MinimumPeriod, "ReminderOptions.MinimumPeriod"), Positive(options.RefreshPeriod, "ReminderOptions.RefreshPeriod"));

    private static string? Positive(TimeSpan value, string setting, bool allowInfinite = false) =>
        value > TimeSpan.Zero || (allowInfinite && value == Timeout.InfiniteTimeSpan) ? null : $"{setting} must be greater than zero (was {value}).";

    private static ValidateOptionsResult Collect(params string?[] failures)
    {
        var errors = failures.OfType<string>().ToArray();
        return errors.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
