namespace Rayswarm.Grains.Providers;

/// <summary>Names of the event log streams.</summary>
public static class EventLogStreams
{
    /// <summary>The Orleans stream provider name: <c>this.GetStreamProvider(EventLogStreams.ProviderName)</c>.</summary>
    public const string ProviderName = "EventLog";
}
