namespace Rayswarm.Runtime.Core;

/// <summary>How a request ended.</summary>
public enum ResponseStatus : byte
{
    /// <summary>The method completed; the body is its result (empty for <c>Task</c> methods).</summary>
    Success = 0,
    /// <summary>The method threw; the body is the exception.</summary>
    Error = 1,
    /// <summary>The silo could not take the request (shutting down, too many forwards); the body is the exception. The caller may retry elsewhere.</summary>
    Rejected = 2,
}
