namespace Rayswarm.Grains;

/// <summary>How workflows run. Register with <see cref="WorkflowServiceCollectionExtensions.AddWorkflows"/>; grains use
/// these defaults when none is registered.</summary>
public sealed class WorkflowOptions
{
    /// <summary>The longest <see cref="InfrastructureRetryWindow"/>: beyond it the resume reminder is the better retry.</summary>
    public static readonly TimeSpan MaxInfrastructureRetryWindow = TimeSpan.FromMinutes(10);

    /// <summary>How long a step's action (and its compensation) may take when the step sets no timeout. Default 30 seconds.
    /// Hosted domains are also bound by the grain call timeout (30 s), endpoint domains by
    /// <see cref="DomainHttpOptions.ActionTimeout"/> (30 s): the shortest applies.</summary>
    public TimeSpan DefaultStepTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the durable reminder of a running workflow fires: it keeps the workflow active and brings it
    /// back on another silo when its silo died. At least Orleans' <c>ReminderOptions.MinimumReminderPeriod</c>. Default 1 minute.</summary>
    public TimeSpan ResumePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many times a compensation is tried before it counts as failed. Default 3.</summary>
    public int CompensationAttempts { get; set; } = 3;

    /// <summary>The pause between compensation attempts. Default 200 ms.</summary>
    public TimeSpan CompensationRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long infrastructure failures (a silo unavailable or dying, a connection lost, a call timed out: see
    /// <see cref="Interfaces.TransientFailures"/>) of an action or a compensation are retried, with back-off from 100 ms doubling
    /// to 2 s, counted from the first of them. They are not attempts. Well past failure detection (a killed silo is declared
    /// dead within seconds). When it runs out, an action fails with an unknown outcome (and is compensated) and a compensation
    /// is put off until the workflow resumes. Zero: not retried. Default 30 seconds.</summary>
    public TimeSpan InfrastructureRetryWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether workflows publish their transitions on the event bus (<see cref="Interfaces.WorkflowEvents"/>). Default true.</summary>
    public bool PublishEvents { get; set; } = true;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (DefaultStepTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultStepTimeout), DefaultStepTimeout, "WorkflowOptions.DefaultStepTimeout must be greater than zero.");
        }
        if (ResumePeriod <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ResumePeriod), ResumePeriod, "WorkflowOptions.ResumePeriod must be greater than zero.");
        }
        if (CompensationAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(CompensationAttempts), CompensationAttempts, "WorkflowOptions.CompensationAttempts must be at least 1.");
        }
        if (CompensationRetryDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(CompensationRetryDelay), CompensationRetryDelay, "WorkflowOptions.CompensationRetryDelay must not be negative.");
        }
        if (InfrastructureRetryWindow < TimeSpan.Zero || InfrastructureRetryWindow > MaxInfrastructureRetryWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(InfrastructureRetryWindow), InfrastructureRetryWindow,
                $"WorkflowOptions.InfrastructureRetryWindow must be between 0 and {MaxInfrastructureRetryWindow.TotalMinutes:0} minutes.");
        }
    }
}
