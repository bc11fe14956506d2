namespace Rayswarm.Runtime.Abstractions;

/// <summary>A stream: a namespace (for example "events") and a key (for example the event type "ml.prediction").</summary>
public readonly record struct StreamId(string Namespace, string Key)
{
    /// <summary>"namespace/key".</summary>
    public override string ToString() => $"{Namespace}/{Key}";

    /// <summary>A hash that is the same in every process (spreads stream delivery over silos).</summary>
    public uint StableHash() => new GrainId(Namespace, Key).StableHash();
}
