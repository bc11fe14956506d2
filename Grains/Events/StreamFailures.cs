using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>
/// Tells the failures of a stream operation that come from this silo starting or stopping, and turns them into
/// <see cref="ClusterUnavailableException"/>, so that callers (the gateway, workflow steps) see a transient failure rather
/// than an internal error. They are: our event log stopped (<see cref="EventLogStoppedException"/>), and, while the silo does
/// not serve (<see cref="SiloRunState"/>), what Orleans' stream provider and the silo's services throw when they are not
/// started or already disposed, which Orleans reports only as <see cref="InvalidOperationException"/> (or
/// <see cref="ObjectDisposedException"/>, one of them) or as a cancellation. The same failures while the silo serves are bugs
/// and stay what they are.
/// </summary>
internal static class StreamFailures
{
    public static bool IsUnavailable(Exception exception, bool siloServing) => exception switch
    {
        EventLogStoppedException => true,
        InvalidOperationException or OperationCanceledException => !siloServing,
        _ => false,
    };

    public static ClusterUnavailableException Unavailable(string what, Exception exception) => exception switch
    {
        EventLogStoppedException => new($"Could not {what}: {exception.Message}", exception),
        _ => new($"Could not {what}: this silo is starting or stopping ({exception.GetType().Name}).", exception),
    };
}
