using System.Globalization;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Rayswarm.Runtime.Membership.Tests;

/// <summary>Writes a silo's log lines to the test's output (shown when a test fails, or with detailed verbosity).</summary>
public sealed class TestOutputLogger(ITestOutputHelper output, string name, Func<double> elapsedSeconds) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) { return; }
        var line = string.Create(CultureInfo.InvariantCulture, $"{elapsedSeconds(),7:F3}s {name} {logLevel}: {formatter(state, exception)}");
        if (exception is not null) { line += Environment.NewLine + exception; }
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has finished; a silo still running in the background has nowhere to write.
        }
    }
}
