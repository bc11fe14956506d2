using System.Collections.Concurrent;

namespace Rayswarm.Runtime.Tests;

/// <summary>Named signals that test grains wait on, so tests decide exactly when a turn may finish.</summary>
public static class Gates
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> s_gates = new();
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> s_entered = new();

    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>Called by grain code: signals that it entered, then waits for the gate.</summary>
    public static Task Pass(string gate)
    {
        Entered(gate).TrySetResult();
        return Gate(gate).Task;
    }

    public static void Open(string gate) => Gate(gate).TrySetResult();

    public static Task WhenEntered(string gate) => Entered(gate).Task;

    public static bool HasEntered(string gate) => Entered(gate).Task.IsCompleted;

    private static TaskCompletionSource Gate(string gate) => s_gates.GetOrAdd(gate, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    private static TaskCompletionSource Entered(string gate) => s_entered.GetOrAdd(gate, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
}
