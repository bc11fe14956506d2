using System.Security.Cryptography;
using System.Text;

namespace Rayswarm.Grains;

/// <summary>
/// Reads a domain's knowledge folder: every <c>*.md</c> file, subfolders included, in path order. A file's contribution
/// id is 32 hex digits of SHA-256("knowledge\n" + domain + "\n" + path + "\n" + SHA-256 of its bytes): the same file
/// gives the same id on every silo and every start (never a duplicate), and a changed file a new one (the old one is
/// retracted). Its contribution (type <see cref="ContributionType"/>) is <c>{"title", "path", "text", "sha256"}</c>.
/// </summary>
internal static class KnowledgeFolder
{
    /// <summary>The contribution type of knowledge files.</summary>
    public const string ContributionType = "knowledge";

    /// <summary>The longest text kept of one file (the shared memory takes at most 64 KiB of JSON per contribution).</summary>
    public const int MaxTextLength = 48 * 1024;

    /// <summary>The folder's documents; a file that cannot be read now (being written) is left out.</summary>
    public static IReadOnlyList<KnowledgeDocument> Read(string domainId, string folder)
    {
        var documents = new List<KnowledgeDocument>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (IOException)
            {
                continue; // a watcher event comes when the writer is done
            }
            documents.Add(Document(domainId, Path.GetRelativePath(folder, file).Replace('\\', '/'), bytes));
        }
        return documents;
    }

    /// <summary>The document of the file at <paramref name="path"/> (relative, '/' separators) with these bytes.</summary>
    public static KnowledgeDocument Document(string domainId, string path, byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"knowledge\n{domainId}\n{path}\n{sha}")))[..32];
        var truncated = text.Length > MaxTextLength;
        return new KnowledgeDocument(path, TitleOf(text) ?? Path.GetFileNameWithoutExtension(path), truncated ? text[..MaxTextLength] : text, sha, id, truncated);
    }

    private static string? TitleOf(string text) =>
        text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal)) is { } heading
            ? heading[2..].Trim()
            : null;
}
