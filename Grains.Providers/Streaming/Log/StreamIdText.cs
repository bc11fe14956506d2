namespace Rayswarm.Grains.Providers;

/// <summary>An Orleans <see cref="StreamId"/>'s namespace and key as text, as the event log stores them.</summary>
internal static class StreamIdText
{
    /// <summary>The namespace ("" when the stream has none; the event log requires one).</summary>
    public static string StreamNamespace(this StreamId stream) => stream.GetNamespace() ?? string.Empty;

    /// <summary>The key as a string.</summary>
    public static string StreamKey(this StreamId stream) => stream.GetKeyAsString();

    /// <summary>Throws unless the stream has a namespace and a key (the event log addresses streams by both).</summary>
    public static void Validate(StreamId stream, string paramName)
    {
        if (string.IsNullOrEmpty(stream.GetNamespace()))
        {
            throw new ArgumentException($"Stream '{stream}' has no namespace; event log streams need one (StreamId.Create(ns, key)).", paramName);
        }
    }
}
