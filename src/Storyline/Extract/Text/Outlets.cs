namespace Storyline.Extract.Text;

/// <summary>
/// The outlet a text page names in its own chrome: "Support The Moscow Times!", "A Message from The Moscow
/// Times:", or a piece of chrome only one outlet prints. Thread-safe (stateless).
/// </summary>
internal static class Outlets
{
    /// <summary>An outlet name and the source it was read from.</summary>
    public sealed record Outlet(string Name, string Source);

    // Chrome lines that one outlet's pages carry and others do not, as seen on its pages: Sputnik's article
    // pages print "Get short URL" beside the headline and "Community standards" above the comments.
    private static readonly (string Line, string Outlet)[] Signatures =
    [
        ("Get short URL", "Sputnik"),
        ("Community standardsDiscussion", "Sputnik"),
    ];

    public static Outlet? Find(List<PageLines.Line> lines)
    {
        string? fromCopyright = null;
        foreach (var line in lines)
        {
            var t = line.Text;
            if (t.Length > 80)
            {
                continue;
            }

            if (Named(t, "Support ", '!') is { } support)
            {
                return new Outlet(support, "text:support-line");
            }

            if (Named(t, "A Message from ", ':') is { } message)
            {
                return new Outlet(message, "text:support-line");
            }

            if (FromCopyright(t) is { } owner)
            {
                fromCopyright ??= owner;
            }

            foreach (var (sig, outlet) in Signatures)
            {
                if (t.Equals(sig, StringComparison.Ordinal))
                {
                    return new Outlet(outlet, "text:chrome-signature");
                }
            }
        }

        if (Masthead(lines) is { } masthead)
        {
            return new Outlet(masthead, "text:masthead");
        }

        return fromCopyright is null ? null : new Outlet(fromCopyright, "text:copyright-line");
    }

    /// <summary>
    /// The page's first line when it is a short name that the page prints again at the start of another line
    /// ("MERIDIAN DAILY" … "Meridian Daily brings you the news"): the masthead. The later spelling is kept, since
    /// mastheads are often set in capitals.
    /// </summary>
    private static string? Masthead(List<PageLines.Line> lines)
    {
        if (lines.Count < 3)
        {
            return null;
        }

        for (var top = 0; top < 3; top++)
        {
            if (MastheadAt(lines, top) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    private static string? MastheadAt(List<PageLines.Line> lines, int top)
    {
        var first = lines[top].Text;
        if (first.Length is < 3 or > 40 || first.AsSpan().IndexOfAnyInRange('0', '9') >= 0 || first.Contains("  ", StringComparison.Ordinal))
        {
            return null;
        }

        var words = first.Split(' ');
        if (words.Length > 4 || !words.All(w => w.Length > 0 && (char.IsUpper(w[0]) || w is "of" or "the" or "&")))
        {
            return null;
        }

        for (var i = top + 1; i < lines.Count; i++)
        {
            var t = lines[i].Text;
            if (t.Length > first.Length && t.StartsWith(first, StringComparison.OrdinalIgnoreCase) && t[first.Length] is ' ' or '.' or ',')
            {
                return t[..first.Length];
            }
        }

        return null;
    }

    private static readonly string[] CompanySuffixes = [" Ltd", " Limited", " Inc", " LLC", " plc", " PLC", " Media", " Group", " Corp"];

    /// <summary>"© 2025 Harbourton Courier Ltd. All rights reserved." gives "Harbourton Courier".</summary>
    private static string? FromCopyright(string line)
    {
        var k = line.IndexOf('\u00A9');
        if (k < 0)
        {
            return null;
        }

        var rest = line.AsSpan(k + 1).TrimStart();
        while (rest.Length > 0 && (char.IsAsciiDigit(rest[0]) || rest[0] is ' ' or '-' or '\u2013' or ','))
        {
            rest = rest[1..];
        }

        var end = rest.IndexOfAny(".,|");
        var name = (end < 0 ? rest : rest[..end]).Trim().Trim("\u00AB\u00BB\"\u201C\u201D");
        foreach (var suffix in CompanySuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = name[..^suffix.Length].TrimEnd();
            }
        }

        if (name.IsEmpty || name.Length > 40 || !char.IsUpper(name[0]) || name.Contains(" / ", StringComparison.Ordinal) ||
            name.StartsWith("Photo", StringComparison.OrdinalIgnoreCase) || name.StartsWith("\u0424\u043E\u0442\u043E", StringComparison.OrdinalIgnoreCase) ||
            name.Contains(":", StringComparison.Ordinal) || name.Contains("rights", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return name.ToString();
    }

    /// <summary>"Support The Moscow Times!" gives "The Moscow Times": capitalised words between the opening and the end mark.</summary>
    private static string? Named(string line, string opening, char end)
    {
        if (!line.StartsWith(opening, StringComparison.OrdinalIgnoreCase) || !line.EndsWith(end))
        {
            return null;
        }

        var name = line.AsSpan(opening.Length, line.Length - opening.Length - 1).Trim();
        if (name.IsEmpty || name.Length > 50)
        {
            return null;
        }

        foreach (var part in name.Split(' '))
        {
            var w = name[part];
            if (w.Length > 0 && !char.IsUpper(w[0]) && !char.IsDigit(w[0]) && w is not ("of" or "the" or "and" or "&"))
            {
                return null;
            }
        }

        return name.ToString();
    }
}
