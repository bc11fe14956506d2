using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Rayswarm.Runtime.CodeGen;

/// <summary>C# expressions for constant values (attribute arguments, parameter defaults).</summary>
internal static class Literals
{
    public static string String(string? value) =>
        value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    public static string Int64(long value) => value.ToString(CultureInfo.InvariantCulture) + "L";

    /// <summary>The default value of an optional parameter, converted to the parameter's type.</summary>
    public static string DefaultValue(IParameterSymbol parameter)
    {
        var type = parameter.Type;
        var value = parameter.ExplicitDefaultValue;
        var typeName = TypeNames.Of(type);
        if (value is null) { return type.IsValueType && !TypeNames.IsNullableValueType(type) ? $"default({typeName})" : "null"; }
        var literal = value switch
        {
            string s => String(s),
            bool b => b ? "true" : "false",
            char c => SymbolDisplay.FormatLiteral(c, quote: true),
            double d => Double(d),
            float f => Single(f),
            decimal m => m.ToString(CultureInfo.InvariantCulture) + "m",
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "null",
        };
        // The cast gives enums their type and integer literals the parameter's width.
        return value is string or bool or char ? literal : $"({typeName})({literal})";
    }

    private static string Double(double d) =>
        double.IsNaN(d) ? "double.NaN"
        : double.IsPositiveInfinity(d) ? "double.PositiveInfinity"
        : double.IsNegativeInfinity(d) ? "double.NegativeInfinity"
        : d.ToString("R", CultureInfo.InvariantCulture) + "d";

    private static string Single(float f) =>
        float.IsNaN(f) ? "float.NaN"
        : float.IsPositiveInfinity(f) ? "float.PositiveInfinity"
        : float.IsNegativeInfinity(f) ? "float.NegativeInfinity"
        : f.ToString("R", CultureInfo.InvariantCulture) + "f";
}
