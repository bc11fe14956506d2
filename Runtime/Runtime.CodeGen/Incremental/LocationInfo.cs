using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Rayswarm.Runtime.CodeGen;

/// <summary>
/// A source location without its syntax tree: models keep this instead of a <see cref="Location"/>, so a cached
/// model does not hold an old compilation alive.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location) =>
        location is { IsInSource: true, SourceTree: not null }
            ? new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span)
            : null;

    public static LocationInfo? From(ISymbol symbol) =>
        From(symbol.Locations.FirstOrDefault(static l => l.IsInSource));
}
