namespace Rayswarm.Grains;

/// <summary>A step's action or compensation failed; the message says why, for the step's error and the audit.</summary>
public sealed class WorkflowStepException : Exception
{
    /// <summary>Creates the exception with a message for people.</summary>
    public WorkflowStepException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public WorkflowStepException(string message, Exception? innerException) : base(message, innerException) { }
}
