namespace Rayswarm.Grains;

/// <summary>A step's action or compensation failed; the message says why, for the step's error and the audit. The cause,
/// if any, is the <see cref="Exception.InnerException"/>.</summary>
public sealed class WorkflowStepException : Exception
{
    /// <summary>Creates the exception with a message for people.</summary>
    public WorkflowStepException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public WorkflowStepException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with a message, its cause, and whether it is an infrastructure failure.</summary>
    public WorkflowStepException(string message, Exception? innerException, bool isTransient) : base(message, innerException) =>
        IsTransient = isTransient;

    /// <summary>True for an infrastructure failure (<see cref="Interfaces.TransientFailures"/>): the call's outcome is unknown
    /// and a retry may succeed. False for the domain's own answer (an error, an unknown domain, the step's timeout).</summary>
    public bool IsTransient { get; }
}
