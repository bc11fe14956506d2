namespace Rayswarm.Domains.Documents;

/// <summary>The line of an offset into a text.</summary>
internal sealed class LineIndex
{
    private readonly List<int> _starts = [0];

    public LineIndex(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') { _starts.Add(i + 1); }
        }
    }

    /// <summary>The 1-based line of the character at <paramref name="offset"/>.</summary>
    public int LineOf(int offset)
    {
        var found = _starts.BinarySearch(offset);
        return found >= 0 ? found + 1 : ~found;
    }
}
