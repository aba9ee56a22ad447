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

            foreach (var (sig, outlet) in Signatures)
            {
                if (t.Equals(sig, StringComparison.Ordinal))
                {
                    return new Outlet(outlet, "text:chrome-signature");
                }
            }
        }

        return null;
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
