using System.Globalization;

namespace Rayswarm.Benchmarks;

/// <summary>The scenario's options: how long to measure, how many (activations), and a scenario's variant (what to compare).</summary>
public sealed record BenchmarkArguments(TimeSpan Duration, int? Count, string? Variant = null)
{
    public static BenchmarkArguments Parse(ReadOnlySpan<string> args)
    {
        var duration = TimeSpan.FromSeconds(10);
        int? count = null;
        string? variant = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new FormatException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--duration":
                    duration = TimeSpan.FromSeconds(double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0
                        ? s : throw new FormatException($"--duration must be a positive number of seconds, not '{value}'."));
                    break;
                case "--count":
                    count = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
                        ? n : throw new FormatException($"--count must be a positive integer, not '{value}'.");
                    break;
                case "--variant":
                    variant = value;
                    break;
                default:
                    throw new FormatException($"Unknown option '{args[i]}'.");
            }
            i++;
        }
        return new BenchmarkArguments(duration, count, variant);
    }
}
