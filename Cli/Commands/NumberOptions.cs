using System.CommandLine;
using System.Globalization;
using System.Numerics;

namespace Rayswarm.Cli;

/// <summary>Number options with a range: a value that is not a number, or out of range, is a usage error naming the option.</summary>
internal static class NumberOptions
{
    public static Option<T> InRange<T>(this Option<T> option, T min, T max) where T : struct, INumber<T>
    {
        option.CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (T.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) { return value; }
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be a number from {min} to {max} (was '{text}')."));
            return default;
        };
        return option;
    }
}
