namespace Rayswarm.Grains.Providers;

/// <summary>
/// Told what the event log of this silo does, one call per event, on the hot paths of publishing and delivery: implementations
/// count and return (no I/O, no locks, no throwing). Register one in DI (<c>services.AddSingleton&lt;IEventLogObserver, …&gt;()</c>)
/// before the silo starts; without one nothing is called.
/// </summary>
public interface IEventLogObserver
{
    /// <summary>An event of <paramref name="stream"/> was stored (a publish, or an announcement through Orleans' stream API). A
    /// repeated publish with the id of a stored event is reported again.</summary>
    void Published(StreamId stream);

    /// <summary>A subscription's grain took an event of <paramref name="stream"/> (once per subscription).</summary>
    void Delivered(StreamId stream);

    /// <summary>A subscription gave up on an event of <paramref name="stream"/> after its last attempt and parked it as a dead letter.</summary>
    void DeadLettered(StreamId stream);
}
