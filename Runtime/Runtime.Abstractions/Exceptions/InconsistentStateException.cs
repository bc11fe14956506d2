namespace Rayswarm.Runtime.Abstractions;

/// <summary>A write or clear used an ETag that no longer matches the stored record: someone else wrote it.</summary>
public sealed class InconsistentStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InconsistentStateException(string message, string? storedEtag = null, string? currentEtag = null) : base(message)
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>The ETag in the store, when known.</summary>
    public string? StoredEtag { get; }

    /// <summary>The ETag the caller held.</summary>
    public string? CurrentEtag { get; }
}
