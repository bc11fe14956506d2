using Microsoft.Extensions.Logging;
using Rayswarm.Runtime.Abstractions;

namespace Rayswarm.Runtime.Core;

/// <summary>The runtime's log events (source-generated, no allocation when disabled).</summary>
internal sealed partial class RuntimeLog(ILogger logger)
{
    [LoggerMessage(1, LogLevel.Error, "Activation of {GrainId} failed")]
    private static partial void LogActivationFailed(ILogger logger, Exception error, GrainId grainId);

    [LoggerMessage(2, LogLevel.Warning, "OnDeactivateAsync of {GrainId} failed")]
    private static partial void LogDeactivationFailed(ILogger logger, Exception? error, GrainId grainId);

    [LoggerMessage(3, LogLevel.Warning, "A timer callback of {GrainId} failed")]
    private static partial void LogTimerFailed(ILogger logger, Exception? error, GrainId grainId);

    [LoggerMessage(4, LogLevel.Error, "A continuation in {GrainId} threw")]
    private static partial void LogContinuationFailed(ILogger logger, Exception error, GrainId grainId);

    [LoggerMessage(5, LogLevel.Warning, "Reminder {Name} of {GrainId} failed")]
    private static partial void LogReminderFailed(ILogger logger, Exception? error, string name, GrainId grainId);

    [LoggerMessage(6, LogLevel.Information, "Collected {Count} idle activations")]
    private static partial void LogCollected(ILogger logger, int count);

    [LoggerMessage(7, LogLevel.Warning, "Stream retention failed")]
    private static partial void LogRetentionFailed(ILogger logger, Exception error);

    [LoggerMessage(8, LogLevel.Warning, "Reloading the owned reminders failed")]
    private static partial void LogReminderRefreshFailed(ILogger logger, Exception error);

    public void ReminderRefreshFailed(Exception error) => LogReminderRefreshFailed(logger, error);

    public void RetentionFailed(Exception error) => LogRetentionFailed(logger, error);

    public void ActivationFailed(Exception error, GrainId grainId) => LogActivationFailed(logger, error, grainId);

    public void DeactivationFailed(Exception? error, GrainId grainId) => LogDeactivationFailed(logger, error, grainId);

    public void TimerFailed(Exception? error, GrainId grainId) => LogTimerFailed(logger, error, grainId);

    public void ContinuationFailed(Exception error, GrainId grainId) => LogContinuationFailed(logger, error, grainId);

    public void ReminderFailed(Exception? error, string name, GrainId grainId) => LogReminderFailed(logger, error, name, grainId);

    public void Collected(int count) => LogCollected(logger, count);
}
