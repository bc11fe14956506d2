namespace Rayswarm.Testing;

/// <summary>Waits for a condition with a deadline instead of sleeping a guessed time.</summary>
public static class Eventually
{
    /// <summary>Generous, for a loaded two-core machine; a passing test returns as soon as its condition holds.</summary>
    public const int DefaultTimeoutMs = 20_000;

    public static async Task True(Func<bool> condition, string what, int timeoutMs = DefaultTimeoutMs)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline) { throw new TimeoutException($"Timed out waiting for: {what}"); }
            await Task.Delay(10);
        }
    }

    public static async Task True(Func<Task<bool>> condition, string what, int timeoutMs = DefaultTimeoutMs)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!await condition())
        {
            if (Environment.TickCount64 > deadline) { throw new TimeoutException($"Timed out waiting for: {what}"); }
            await Task.Delay(10);
        }
    }

    /// <summary>Awaits <paramref name="task"/>, failing the test if it takes longer than the deadline.</summary>
    public static async Task<T> Within<T>(this Task<T> task, int timeoutMs = DefaultTimeoutMs) => await task.WaitAsync(TimeSpan.FromMilliseconds(timeoutMs));

    public static async Task Within(this Task task, int timeoutMs = DefaultTimeoutMs) => await task.WaitAsync(TimeSpan.FromMilliseconds(timeoutMs));
}
