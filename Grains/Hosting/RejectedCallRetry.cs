using System.Diagnostics;

namespace Rayswarm.Grains;

/// <summary>
/// Sends a grain call again when a silo rejected it without running it. A silo stopping gracefully (SIGTERM) refuses new
/// requests ("Silo stopping") for a moment before every client and silo stops routing to it; the rejected request never
/// reached the grain, so sending it again, to the grain's next activation, is safe, and the caller sees no failure.
/// Calls that may have run (the target silo died: <see cref="SiloUnavailableException"/>, timeouts) are never repeated.
/// </summary>
internal sealed class RejectedCallRetry : IOutgoingGrainCallFilter
{
    /// <summary>How long a call keeps being sent again: enough for the cluster to stop routing to a stopping silo.</summary>
    private static readonly TimeSpan s_retryFor = ClusterTimings.ResponseTimeout;

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await context.Invoke();
                if (!CanRetry(context.Response?.Exception, started)) { return; }
            }
            catch (OrleansMessageRejectionException e) when (CanRetry(e, started))
            {
            }
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(50 * attempt, 500)));
        }
    }

    private static bool CanRetry(Exception? error, long started) =>
        error is OrleansMessageRejectionException and not SiloUnavailableException && Stopwatch.GetElapsedTime(started) < s_retryFor;
}
