namespace Rayswarm.Runtime.Messaging.Tests;

/// <summary>Waits for a condition with a deadline instead of sleeping a guessed time.</summary>
public static class Eventually
{
    public static async Task True(Func<bool> condition, string what, int timeoutMs = 10_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline) { throw new TimeoutException($"Timed out waiting for: {what}"); }
            await Task.Delay(5);
        }
    }

    /// <summary>Awaits <paramref name="task"/>, failing the test if it takes longer than the deadline.</summary>
    public static async Task<T> Within<T>(this Task<T> task, int timeoutMs = 10_000) => await task.WaitAsync(TimeSpan.FromMilliseconds(timeoutMs));

    public static async Task Within(this Task task, int timeoutMs = 10_000) => await task.WaitAsync(TimeSpan.FromMilliseconds(timeoutMs));
}
