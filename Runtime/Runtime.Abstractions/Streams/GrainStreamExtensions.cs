namespace Rayswarm.Runtime.Abstractions;

/// <summary>Streams from grain code.</summary>
public static class GrainStreamExtensions
{
    /// <summary>The silo's stream provider (registered by <c>AddStreams</c>).</summary>
    public static IStreamProvider GetStreamProvider(this Grain grain)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return grain.GrainContext.Services.GetService(typeof(IStreamProvider)) as IStreamProvider
            ?? throw new InvalidOperationException("Streams are not configured on this silo: call AddStreams when building it.");
    }
}
