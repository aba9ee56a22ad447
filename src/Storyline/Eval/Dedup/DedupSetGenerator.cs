using System.Globalization;
using System.Text;
using Storyline.Eval.Stories;
using Storyline.Text;

namespace Storyline.Eval.Dedup;

/// <summary>One article of a duplicate set: articles with the same non-null group carry the same copy.</summary>
public sealed record DedupRecord(string Id, string? Group, string Text);

/// <summary>
/// Writes a duplicate set from any set of articles by republishing some of them the way outlets do: a new
/// headline and site chrome, paragraphs trimmed from the end or added, quotes and dashes retyped, two
/// paragraphs swapped, an editor's note. Every source keeps its own group (identical sources share one), so
/// the truth is known by construction. Deterministic from the seed. Stateless.
/// </summary>
public static class DedupSetGenerator
{
    // Invented outlets and chrome, so that no third-party text is needed to dress a copy.
    private static readonly string[] Outlets = ["The Riverside Ledger", "Northfield Daily Post", "Coastline Herald", "Valley News Wire", "The Evening Courier", "Metro Observer", "Lakeshore Times", "Granite State Gazette"];
    private static readonly string[] Navigation = ["Home | News | World | Business | Sport | Opinion", "Menu Search Sign in", "Latest Headlines  Local  National  Weather", "Subscribe | Log in | Newsletters"];
    private static readonly string[] Footers = ["Share this article: Facebook Twitter Email", "Read more: Top stories of the day", "Advertisement", "Comments are closed for this story.", "Follow us for the latest updates"];
    private static readonly string[] Added =
    [
        "Staff writers at {0} contributed reporting to this story from the newsroom.",
        "This story has been updated with additional reporting and reaction from local officials.",
        "{0} has reached out to the parties involved for further comment and will update this article.",
        "Readers can send news tips and corrections to the {0} newsroom at any time.",
    ];

    private static readonly string[] Notes =
    [
        "Editor's note: This article was updated on {1} to correct a name and add context.",
        "Editor's note: An earlier version of this story misstated a date. It was corrected on {1}.",
        "Editor's Note: This story originally appeared on a partner site and is republished with permission.",
    ];

    public static List<DedupRecord> Generate(IReadOnlyList<EvalRecord> sources, int seed)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var random = new Random(seed);
        var output = new List<(string? Group, string Text)>();
        foreach (var source in sources)
        {
            var paragraphs = Paragraphs(source.Text);
            if (paragraphs.Count == 0)
            {
                continue;
            }

            var group = "g" + ContentHash.Hex(ContentHash.Hash64(TextNormalizer.LineKey(source.Text)));
            output.Add((group, source.Text));
            var roll = random.NextDouble();
            var copies = roll < 0.4 ? 0 : roll < 0.7 ? 1 : roll < 0.9 ? 2 : 3;
            for (var c = 0; c < copies; c++)
            {
                output.Add((group, Republish(paragraphs, random)));
            }
        }

        // Groups with one member are not duplicates of anything: their group is null, as the format says.
        var sizes = output.GroupBy(o => o.Group).ToDictionary(g => g.Key!, g => g.Count(), StringComparer.Ordinal);
        var order = Enumerable.Range(0, output.Count).ToArray();
        random.Shuffle(order);
        var width = output.Count.ToString(CultureInfo.InvariantCulture).Length;
        return [.. order.Select((o, k) => new DedupRecord(
            "dup-" + k.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'),
            sizes[output[o].Group!] > 1 ? output[o].Group : null,
            output[o].Text))];
    }

    private static List<string> Paragraphs(string text) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static string Republish(List<string> source, Random random)
    {
        var outlet = Outlets[random.Next(Outlets.Length)];
        var date = new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(3000)).ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
        var body = new List<string>(source);

        if (body.Count >= 4 && random.NextDouble() < 0.4)
        {
            var drop = 1 + random.Next(Math.Min(2, body.Count - 3));
            body.RemoveRange(body.Count - drop, drop);
        }

        if (body.Count >= 3 && random.NextDouble() < 0.3)
        {
            var i = 1 + random.Next(body.Count - 2);
            (body[i], body[i + 1]) = (body[i + 1], body[i]);
        }

        if (random.NextDouble() < 0.3)
        {
            body.Add(string.Format(CultureInfo.InvariantCulture, Added[random.Next(Added.Length)], outlet, date));
        }

        if (random.NextDouble() < 0.3)
        {
            var note = string.Format(CultureInfo.InvariantCulture, Notes[random.Next(Notes.Length)], outlet, date);
            if (random.NextDouble() < 0.5)
            {
                body.Insert(0, note);
            }
            else
            {
                body.Add(note);
            }
        }

        var style = random.Next(3);
        for (var i = 0; i < body.Count; i++)
        {
            body[i] = Retype(body[i], style);
        }

        var page = new List<string> { outlet, Navigation[random.Next(Navigation.Length)], Headline(source[0], random), $"Published {date}" };
        page.AddRange(body);
        page.Add(Footers[random.Next(Footers.Length)]);
        page.Add($"\u00A9 {date[^4..]} {outlet}. All rights reserved.");
        return string.Join(" \n \n ", page);
    }

    /// <summary>A new headline from the opening words of the story, as a copy desk would write one.</summary>
    private static string Headline(string first, Random random)
    {
        var words = first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5 + random.Next(5)).ToList();
        var title = string.Join(' ', words.Select(w => w.Length > 3 ? char.ToUpperInvariant(w[0]) + w[1..] : w)).TrimEnd(',', '.', ';', ':');
        return random.NextDouble() < 0.2 ? title.ToUpperInvariant() : title;
    }

    /// <summary>Typography as another outlet's system sets it: curly quotes made straight or straight made curly, dashes retyped, spaces doubled.</summary>
    private static string Retype(string text, int style)
    {
        if (style == 0)
        {
            return text.Replace('\u201C', '"').Replace('\u201D', '"').Replace('\u2019', '\'').Replace('\u2018', '\'').Replace("\u2014", " -- ", StringComparison.Ordinal);
        }

        if (style == 1)
        {
            var sb = new StringBuilder(text.Length);
            var open = true;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '"')
                {
                    sb.Append(open ? '\u201C' : '\u201D');
                    open = !open;
                }
                else if (c == '\'')
                {
                    sb.Append('\u2019');
                }
                else
                {
                    sb.Append(c);
                }
            }

            return sb.Replace(" - ", " \u2014 ").ToString();
        }

        return text.Replace(". ", ".  ", StringComparison.Ordinal);
    }
}
