using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Rayswarm.Runtime.Messaging.Tests;

/// <summary>Keeps every log entry so tests can assert what was logged.</summary>
public sealed class ListLogger : ILogger
{
    public ConcurrentQueue<(LogLevel Level, EventId Id, string Text, Exception? Error)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, eventId, formatter(state, exception), exception));

    /// <summary>True once an entry of <paramref name="level"/> contains every one of <paramref name="fragments"/>.</summary>
    public bool Has(LogLevel level, params string[] fragments) =>
        Entries.Any(e => e.Level == level && fragments.All(f => e.Text.Contains(f, StringComparison.Ordinal)));

    public override string ToString() => string.Join(Environment.NewLine, Entries.Select(e => $"{e.Level}: {e.Text}"));
}
