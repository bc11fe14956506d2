namespace Rayswarm.Grains.Providers;

/// <summary>The event log of this silo stopped (its silo is shutting down) before the publish reached it: nothing was stored.
/// Publishing again through another silo stores it; with the same event id a publish stays idempotent.</summary>
[GenerateSerializer, Alias("rayswarm.streams.EventLogStoppedException")]
public sealed class EventLogStoppedException : Exception
{
    /// <summary>Creates the exception with a message that says what could not be stored.</summary>
    public EventLogStoppedException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public EventLogStoppedException(string message, Exception? innerException) : base(message, innerException) { }
}
