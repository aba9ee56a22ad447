using System.Buffers;

namespace Storyline.Extract.Text;

/// <summary>
/// A text page cut into its non-empty lines, each whitespace-trimmed. A photo credit glued to the end of a
/// caption or standfirst ("... in the region. Anas Alkharboutli / dpa / TASS") is cut off into a line of its own,
/// so that the sentence can be kept and the credit removed. Observe and Extract cut the same way.
/// </summary>
internal static class PageLines
{
    /// <summary>A line and whether a blank line stood before it; <see cref="GluedCredit"/> marks a cut-off credit.</summary>
    public readonly record struct Line(string Text, bool AfterBlank, bool GluedCredit);

    public static List<Line> Split(string content)
    {
        var lines = new List<Line>(content.AsSpan().Count('\n') + 1);
        for (var text = new TrimmedLines(content); text.MoveNext();)
        {
            var raw = text.Current;
            var blank = text.AfterBlank;
            if (!blank && lines.Count > 0 && Continues(lines[^1].Text, raw))
            {
                var prev = lines[^1];
                lines[^1] = prev with { Text = string.Concat(prev.Text, " ", raw) };
                continue;
            }

            var cut = GluedCreditStart(raw);
            if (cut > 0)
            {
                lines.Add(new Line(raw[..cut].TrimEnd().ToString(), blank, false));
                lines.Add(new Line(raw[cut..].ToString(), false, true));
            }
            else
            {
                lines.Add(new Line(raw.ToString(), blank, false));
            }
        }

        return lines;
    }

    /// <summary>
    /// The repetition key (<see cref="LineStatistics.Key(ReadOnlySpan{char})"/>) of each line <see cref="Split"/>
    /// gives, in order, computed without building the lines: the first pass over a corpus needs only the keys.
    /// </summary>
    public static void Keys(string content, List<ulong> keys)
    {
        var folded = ArrayPool<char>.Shared.Rent(Math.Max(1, content.Length));
        try
        {
            // The open line: its folded key characters, its length and last two characters as Split would have them.
            var n = 0;
            var open = false;
            var length = 0;
            char last = ' ', beforeLast = ' ';
            for (var text = new TrimmedLines(content); text.MoveNext();)
            {
                var raw = text.Current;
                if (!text.AfterBlank && open && Continues(length, last, beforeLast, raw))
                {
                    n += LineStatistics.FoldKeyChars(raw, folded.AsSpan(n));
                    length += 1 + raw.Length;
                    (last, beforeLast) = (raw[^1], raw[^2]);
                    continue;
                }

                if (open)
                {
                    keys.Add(LineStatistics.KeyOfFolded(folded.AsSpan(0, n)));
                }

                var cut = GluedCreditStart(raw);
                if (cut > 0)
                {
                    keys.Add(LineStatistics.Key(raw[..cut].TrimEnd()));
                    raw = raw[cut..];
                }

                n = LineStatistics.FoldKeyChars(raw, folded);
                open = true;
                length = raw.Length;
                (last, beforeLast) = (raw[^1], raw.Length > 1 ? raw[^2] : ' ');
            }

            if (open)
            {
                keys.Add(LineStatistics.KeyOfFolded(folded.AsSpan(0, n)));
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(folded);
        }
    }

    /// <summary>The non-blank lines of a page, trimmed, each knowing whether a blank line stood before it: the one cut <see cref="Split"/> and <see cref="Keys"/> share.</summary>
    private ref struct TrimmedLines(string content)
    {
        private MemoryExtensions.SpanSplitEnumerator<char> _ranges = content.AsSpan().Split('\n');
        private bool _blank = true;

        public ReadOnlySpan<char> Current { get; private set; }

        /// <summary>A blank line (or the start of the page) stood before <see cref="Current"/>.</summary>
        public bool AfterBlank { get; private set; }

        public bool MoveNext()
        {
            while (_ranges.MoveNext())
            {
                var range = _ranges.Current;
                var raw = content.AsSpan(range.Start.Value, range.End.Value - range.Start.Value).Trim();
                if (raw.IsEmpty)
                {
                    _blank = true;
                    continue;
                }

                Current = raw;
                AfterBlank = _blank;
                _blank = false;
                return true;
            }

            return false;
        }
    }

    private static bool Continues(string previous, ReadOnlySpan<char> line) =>
        Continues(previous.Length, previous[^1], previous.Length > 1 ? previous[^2] : ' ', line);

    /// <summary>
    /// A paragraph hard-wrapped at a fixed width (pre-formatted text, mail): the line before (of
    /// <paramref name="previousLength"/> characters, ending in <paramref name="beforeLast"/> and
    /// <paramref name="last"/>) is long and stops mid-sentence, and this one goes on in lower case.
    /// </summary>
    private static bool Continues(int previousLength, char last, char beforeLast, ReadOnlySpan<char> line)
    {
        if (previousLength < 55 || previousLength > 100 || line.Length < 2 || LineShape.ListMarkerLength(line) > 0)
        {
            return false;
        }

        if (last is '.' or '!' or '?' or ':' or ';' or '"' or '\u201D' || !char.IsLetterOrDigit(beforeLast) && last != ',')
        {
            return false;
        }

        // Only a lower-case start proves a continuation: a capital may open a new line of a menu or a link.
        return char.IsLower(line[0]);
    }

    /// <summary>
    /// Where a trailing photo credit starts: after the last sentence end, a run of at most eight capitalised
    /// words split by at least one " / " (photographer / agency); -1 when there is none.
    /// </summary>
    private static int GluedCreditStart(ReadOnlySpan<char> line)
    {
        if (line.Length < 40 || line.IndexOf(" / ", StringComparison.Ordinal) < 0)
        {
            return -1;
        }

        var end = -1;
        for (var i = line.Length - 2; i > 0; i--)
        {
            if (line[i] is '.' or '!' or '?' && line[i + 1] == ' ')
            {
                end = i + 1;
                break;
            }
        }

        if (end < 20)
        {
            return -1;
        }

        var tail = line[end..].Trim();
        if (tail.IndexOf(" / ", StringComparison.Ordinal) < 0 || tail.Length > 80)
        {
            return -1;
        }

        var words = 0;
        foreach (var part in tail.Split(' '))
        {
            var w = tail[part];
            if (w.Length == 0 || w is "/")
            {
                continue;
            }

            words++;
            if (!char.IsUpper(w[0]) && !(char.IsLower(w[0]) && w.Length <= 4))
            {
                return -1;
            }
        }

        return words is >= 2 and <= 8 ? line.Length - tail.Length : -1;
    }
}
