namespace Rayswarm.Runtime.Abstractions;

/// <summary>A timer of one activation. Dispose it to stop it.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes the due time and period.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
