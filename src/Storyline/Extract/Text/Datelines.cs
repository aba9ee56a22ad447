namespace Storyline.Extract.Text;

/// <summary>
/// The wire dateline that opens a story's first paragraph: "MOSCOW (Reuters) -", "ANKARA, Feb 13 (Reuters) -".
/// Thread-safe (stateless).
/// </summary>
internal static class Datelines
{
    /// <summary>The dateline at the start of <paramref name="line"/>, dash included, or null.</summary>
    public static string? Leading(string line)
    {
        var open = line.IndexOf(" (", StringComparison.Ordinal);
        if (open < 2 || open > 40)
        {
            return null;
        }

        // The place is printed in capitals.
        for (var i = 0; i < open && line[i] != ','; i++)
        {
            if (char.IsLower(line[i]))
            {
                return null;
            }
        }

        var close = line.IndexOf(')', open);
        if (close < 0 || close - open > 30 || close + 2 >= line.Length)
        {
            return null;
        }

        var k = close + 1;
        while (k < line.Length && line[k] == ' ')
        {
            k++;
        }

        return k < line.Length && line[k] is '-' or '\u2013' or '\u2014' ? line[..(k + 1)] : null;
    }
}
