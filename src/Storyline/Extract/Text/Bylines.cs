namespace Storyline.Extract.Text;

/// <summary>
/// Reads author names from a byline line: "By Kimber Streams" gives "Kimber Streams"; "By Korin MillerPublished:
/// Jan 29, 2025" (a name glued to the date label) gives "Korin Miller"; "Posted on July 1, 2024 by infuy" gives
/// "infuy". Names only: what follows the name (a date, a bar and a category, "15 min read") is cut off.
/// Thread-safe (stateless).
/// </summary>
internal static class Bylines
{
    private static readonly string[] Openings =
        ["By: ", "By ", "BY ", "by ", "Written by: ", "Written By: ", "Written by ", "Written By ", "Words by ", "Author: ", "Posted by ", "Story by ", "Reporting by ", "By"];

    private static readonly string[] Stops =
    [
        "Published", "Updated", "Posted", "Last updated", " on ", " | ", "|", " - ", " \u2013 ", " \u2014 ", " \u2022 ", " \u00B7 ", "  ",
        " at ", " for ", " min read", " minute read", " mins", " on behalf of ", " \u25CF ", " In ", " says",
    ];

    /// <summary>The author names a byline line gives, or null when the line is not a byline.</summary>
    public static string? Read(string line)
    {
        if (line.Length > 160)
        {
            return null;
        }

        var rest = ReadOpening(Unmarked(line));
        if (rest.IsEmpty)
        {
            return null;
        }

        var end = rest.Length;
        foreach (var stop in Stops)
        {
            var k = rest.IndexOf(stop, StringComparison.Ordinal);
            if (k > 0 && k < end)
            {
                end = k;
            }
        }

        // A date glued on ("MillerJan 29"): cut where a date begins.
        if (DateLine.Find(rest[..end]) is { } date && date.Start > 0)
        {
            end = date.Start;
            while (end > 0 && char.IsDigit(rest[end - 1]))
            {
                end--;
            }
        }

        // Digits end a name ("Kyle Howells 15 min read").
        var digit = rest[..end].IndexOfAnyInRange('0', '9');
        if (digit > 0)
        {
            end = digit;
        }

        return Undoubled(Name(rest[..end]));
    }

    /// <summary>The line without a list marker or a text-mode browser's "(BUTTON)" before the name.</summary>
    private static string Unmarked(string line)
    {
        var marker = LineShape.ListMarkerLength(line);
        var t = marker > 0 ? line[marker..] : line;
        return t.Contains("(BUTTON) ", StringComparison.Ordinal) ? t.Replace("(BUTTON) ", "", StringComparison.Ordinal) : t;
    }

    /// <summary>"Tim Enwall Tim Enwall" (a photo's alt text and the link beside it) is one name.</summary>
    private static string? Undoubled(string? name)
    {
        if (name is null || name.Length < 5 || name.Length % 2 == 0)
        {
            return name;
        }

        var half = name.Length / 2;
        return name[half] == ' ' && name.AsSpan(0, half).SequenceEqual(name.AsSpan(half + 1)) ? name[..half] : name;
    }

    /// <summary>
    /// A line that is only a person's name, as pages print it under a title without "By": two to four
    /// capitalised words (initials and particles such as "van" allowed), no digits, no sentence.
    /// </summary>
    public static string? ReadNameLine(string line)
    {
        var t = Unmarked(line).Trim();
        if (t.Length is < 5 or > 50)
        {
            return null;
        }

        var words = 0;
        foreach (var part in t.AsSpan().Split(' '))
        {
            var w = t.AsSpan()[part];
            if (w.IsEmpty)
            {
                continue;
            }

            words++;
            foreach (var c in w)
            {
                if (!char.IsLetter(c) && c is not ('.' or '-' or '\'' or '\u2019' or ','))
                {
                    return null;
                }
            }

            if (!char.IsUpper(w[0]) && w is not ("van" or "de" or "der" or "von" or "da" or "di" or "le" or "la" or "bin"))
            {
                return null;
            }

            if (Text.StopWords.Contains(w))
            {
                return null;
            }
        }

        return words is >= 2 and <= 4 ? Undoubled(t.TrimEnd(',')) : null;
    }

    /// <summary>The name of an author photo's alt text: "Picture of Liz Kenny", "Charlie Hills's avatar".</summary>
    public static string? ReadPicture(string line)
    {
        if (line.Length > 80)
        {
            return null;
        }

        var span = line.AsSpan();
        if (span.StartsWith("* ", StringComparison.Ordinal))
        {
            span = span[2..];
        }

        if (span.StartsWith("Picture of ", StringComparison.Ordinal))
        {
            var name = span["Picture of ".Length..];
            var by = name.IndexOf(" By ", StringComparison.Ordinal);
            return Name(by > 0 ? name[..by] : name);
        }

        foreach (var suffix in (ReadOnlySpan<string>)["'s avatar", "\u2019s avatar", " avatar", " photo", " headshot"])
        {
            if (span.EndsWith(suffix, StringComparison.Ordinal))
            {
                return Name(span[..^suffix.Length]);
            }
        }

        return null;
    }

    private static ReadOnlySpan<char> ReadOpening(string line)
    {
        foreach (var o in Openings)
        {
            if (!line.StartsWith(o, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line.AsSpan(o.Length).Trim();
            // "ByDaryl Austin" (no space) only when a capital follows; "by" lower-case needs a name after it.
            if (rest.IsEmpty || (o == "By" && !char.IsUpper(line[2])) || !(char.IsUpper(rest[0]) || (o == "by " && char.IsLetter(rest[0]))))
            {
                return default;
            }

            return rest;
        }

        // "Posted on July 1, 2024 by infuy", "May 3, 2017 By Erin Spain", "0 · by Dennis Moons": a date or no words before the "by".
        var k = line.LastIndexOf(" by ", StringComparison.Ordinal);
        if (k < 0)
        {
            k = line.LastIndexOf(" By ", StringComparison.Ordinal);
        }

        if (k > 0 && k + 4 < line.Length && char.IsUpper(line[k + 4]) || k > 0 && k + 4 < line.Length && line.StartsWith("Posted", StringComparison.Ordinal))
        {
            var before = line.AsSpan(0, k);
            if (DateLine.Find(before) is not null || !before.ContainsAnyInRange('A', 'Z') && !before.ContainsAnyInRange('a', 'z'))
            {
                return line.AsSpan(k + 4).Trim();
            }
        }

        return default;
    }

    private static string? Name(ReadOnlySpan<char> name)
    {
        name = name.Trim().TrimEnd(",;:|".AsSpan()).Trim();
        var words = 0;
        foreach (var part in name.Split(' '))
        {
            if (name[part].Length > 0)
            {
                words++;
            }
        }

        return words is >= 1 and <= 14 && name.Length <= 120 && char.IsLetter(name[0]) ? name.ToString() : null;
    }
}
