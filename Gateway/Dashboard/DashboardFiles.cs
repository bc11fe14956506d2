using System.Collections.Concurrent;
using Microsoft.AspNetCore.StaticFiles;

namespace Rayswarm.Gateway;

/// <summary>The dashboard's own files (HTML, CSS, JS under <c>Dashboard/Views/</c>), embedded in the gateway's assembly as
/// <c>dashboard/NAME</c>: nothing to deploy beside the executable, no CDN, works offline.</summary>
internal static class DashboardFiles
{
    private static readonly FileExtensionContentTypeProvider s_types = new();
    private static readonly ConcurrentDictionary<string, byte[]?> s_files = new(StringComparer.Ordinal);

    /// <summary>The file's bytes, or null when there is no such file.</summary>
    public static byte[]? Bytes(string name) => s_files.GetOrAdd(name, static n =>
    {
        using var stream = typeof(DashboardFiles).Assembly.GetManifestResourceStream("dashboard/" + n);
        if (stream is null) { return null; }
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>A file that must exist, as text.</summary>
    public static string Text(string name) =>
        System.Text.Encoding.UTF8.GetString(Bytes(name) ?? throw new InvalidOperationException($"The dashboard file '{name}' is not embedded."));

    /// <summary>The content type for the file's extension.</summary>
    public static string ContentType(string name) =>
        s_types.TryGetContentType(name, out var type) ? (type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal) ? type + "; charset=utf-8" : type)
        : "application/octet-stream";
}
