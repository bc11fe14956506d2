namespace Rayswarm.Runtime.Core;

/// <summary>Work an activation can run now: start a turn (no callback) or continue one (an awaited continuation).</summary>
internal readonly record struct ReadyItem(Turn Turn, SendOrPostCallback? Callback, object? State);
