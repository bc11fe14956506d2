namespace Rayswarm.Runtime.Core;

/// <summary>What an activation did with a submitted turn.</summary>
internal enum SubmitResult
{
    /// <summary>Accepted: run inline, queued, or rejected with an error given to the turn.</summary>
    Accepted,
    /// <summary>The activation is gone; resolve the grain again and resubmit.</summary>
    Retry,
}
