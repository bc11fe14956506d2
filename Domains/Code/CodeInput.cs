using System.Text.Json;
using Rayswarm.Grains;

namespace Rayswarm.Domains.Code;

/// <summary>Reads the files of an action's input: <c>{"source": "…"}</c> (one file, <see cref="DefaultPath"/>) or
/// <c>{"files": [{"path", "source"}]}</c>; throws <see cref="ArgumentException"/> naming the field when neither or both
/// are given, a source is empty, a path repeats, or the input is over <see cref="CodeLimits"/>.</summary>
internal static class CodeInput
{
    /// <summary>The path of a single <c>source</c>.</summary>
    public const string DefaultPath = "input.cs";

    public static IReadOnlyList<SourceFile> Files(DomainActionInput args)
    {
        var source = args.String("source");
        var files = args.Get("files");
        var given = files.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);
        if (source is not null && given) { throw new ArgumentException("Give either source or files, not both.", "source"); }
        IReadOnlyList<SourceFile> read = source is not null ? [new SourceFile(DefaultPath, source)]
            : given ? ReadFiles(files)
            : throw new ArgumentException("source (C# text) or files ([{path, source}]) is required.", "source");
        var total = read.Sum(f => (long)f.Source.Length);
        if (total > CodeLimits.MaxSourceChars)
        {
            throw new ArgumentException($"The source is too large: {total} characters (at most {CodeLimits.MaxSourceChars}).", source is null ? "files" : "source");
        }
        foreach (var file in read)
        {
            if (string.IsNullOrWhiteSpace(file.Source))
            {
                throw new ArgumentException(source is null ? $"files: {file.Path} is empty." : "source is empty.", source is null ? "files" : "source");
            }
        }
        return read;
    }

    private static List<SourceFile> ReadFiles(JsonElement files)
    {
        if (files.ValueKind != JsonValueKind.Array) { throw new ArgumentException("files must be an array of {path, source}.", "files"); }
        var count = files.GetArrayLength();
        if (count is 0 or > CodeLimits.MaxFiles)
        {
            throw new ArgumentException($"files must hold 1 to {CodeLimits.MaxFiles} files (was {count}).", "files");
        }
        var read = new List<SourceFile>(count);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files.EnumerateArray())
        {
            var path = Text(file, "path");
            if (string.IsNullOrWhiteSpace(path) || path.Length > 260) { throw new ArgumentException("files: each path must be 1 to 260 characters.", "files"); }
            if (!paths.Add(path)) { throw new ArgumentException($"files: the path {path} is given twice.", "files"); }
            read.Add(new SourceFile(path, Text(file, "source") ?? throw new ArgumentException($"files: {path} has no source.", "files")));
        }
        return read;
    }

    private static string? Text(JsonElement file, string name) =>
        file.ValueKind == JsonValueKind.Object && file.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
