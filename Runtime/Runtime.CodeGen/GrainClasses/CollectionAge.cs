using Microsoft.CodeAnalysis;

namespace Rayswarm.Runtime.CodeGen;

/// <summary>
/// Computes a [CollectionAgeLimit] at compile time the way the attribute's <c>Amount</c> does on .NET: each part
/// converted to whole ticks (truncated), then summed.
/// </summary>
internal static class CollectionAge
{
    private const double TicksPerSecond = 10_000_000d;

    public static string? Expression(AttributeData? attribute)
    {
        if (attribute is null) { return null; }
        double days = 0, hours = 0, minutes = 0, seconds = 0;
        var alwaysActive = false;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key, argument.Value.Value)
            {
                case ("Days", double value): days = value; break;
                case ("Hours", double value): hours = value; break;
                case ("Minutes", double value): minutes = value; break;
                case ("Seconds", double value): seconds = value; break;
                case ("AlwaysActive", bool value): alwaysActive = value; break;
            }
        }
        if (alwaysActive) { return "global::System.Threading.Timeout.InfiniteTimeSpan"; }

        var parts = new[] { Ticks(days, 86_400 * TicksPerSecond), Ticks(hours, 3_600 * TicksPerSecond), Ticks(minutes, 60 * TicksPerSecond), Ticks(seconds, TicksPerSecond) };
        if (parts.Any(static p => p is null)) { return "global::System.TimeSpan.MaxValue"; }
        try
        {
            var total = checked(parts[0]!.Value + parts[1]!.Value + parts[2]!.Value + parts[3]!.Value);
            return $"global::System.TimeSpan.FromTicks({Literals.Int64(total)})";
        }
        catch (OverflowException)
        {
            return "global::System.TimeSpan.MaxValue";
        }
    }

    private static long? Ticks(double value, double scale)
    {
        var ticks = value * scale;
        return double.IsNaN(ticks) || ticks >= long.MaxValue || ticks <= long.MinValue ? null : (long)ticks;
    }
}
