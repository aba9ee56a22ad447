namespace Storyline.Extract.Text;

/// <summary>
/// Reads author names from a byline line: "By Kimber Streams" gives "Kimber Streams"; "By Korin MillerPublished:
/// Jan 29, 2025" (a name glued to the date label) gives "Korin Miller". Names only: what follows the name
/// (a date, a role after a bar, "Updated ...") is cut off. Thread-safe (stateless).
/// </summary>
internal static class Bylines
{
    private static readonly string[] Openings = ["By ", "BY ", "Written by ", "Words by ", "Author: ", "Posted by ", "Story by ", "Reporting by "];

    private static readonly string[] Stops =
        ["Published", "Updated", "Posted", "Last updated", " on ", " | ", " - ", " \u2013 ", " \u2014 ", " \u2022 ", " \u00B7 ", "  ", " at ", " for "];

    public static string? Read(string line)
    {
        var opening = Array.Find(Openings, o => line.StartsWith(o, StringComparison.Ordinal));
        if (opening is null)
        {
            return null;
        }

        var rest = line.AsSpan(opening.Length).Trim();
        if (rest.IsEmpty || !char.IsUpper(rest[0]))
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

        var name = rest[..end].Trim().TrimEnd(",;:|".AsSpan()).Trim();
        var words = 0;
        foreach (var part in name.Split(' '))
        {
            if (name[part].Length > 0)
            {
                words++;
            }
        }

        return words is >= 1 and <= 14 && name.Length <= 120 ? name.ToString() : null;
    }
}
