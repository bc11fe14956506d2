namespace Rayswarm.Runtime.Abstractions;

/// <summary>
/// A grain call failed on another silo with an exception this process cannot recreate (its type is unknown here or
/// has no constructor taking a message). Carries the original type's name and message.
/// </summary>
public sealed class RemoteGrainException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RemoteGrainException(string originalTypeName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(originalTypeName);
        OriginalTypeName = originalTypeName;
    }

    /// <summary>The full name of the exception type the grain threw.</summary>
    public string OriginalTypeName { get; }

    /// <summary>The original type name, then what <see cref="Exception.ToString"/> shows.</summary>
    public override string ToString() => $"{OriginalTypeName} (remote, as {nameof(RemoteGrainException)}): {base.ToString()}";
}
