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
        ["By: ", "By ", "BY ", "by ", "Written by ", "Words by ", "Author: ", "Posted by ", "Story by ", "Reporting by ", "By"];

    private static readonly string[] Stops =
    [
        "Published", "Updated", "Posted", "Last updated", " on ", " | ", "|", " - ", " \u2013 ", " \u2014 ", " \u2022 ", " \u00B7 ", "  ",
        " at ", " for ", " min read", " minute read", " mins", " on behalf of ",
    ];

    /// <summary>The author names a byline line gives, or null when the line is not a byline.</summary>
    public static string? Read(string line)
    {
        if (line.Length > 160)
        {
            return null;
        }

        var rest = ReadOpening(line);
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

        return Name(rest[..end]);
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

        // "Posted on July 1, 2024 by infuy"
        var k = line.LastIndexOf(" by ", StringComparison.Ordinal);
        if (k > 0 && (line.StartsWith("Posted", StringComparison.Ordinal) || line.StartsWith("Published", StringComparison.Ordinal)) && DateLine.Find(line.AsSpan(0, k)) is not null)
        {
            return line.AsSpan(k + 4).Trim();
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
