using Storyline.Extract;
using Storyline.Model;

namespace Storyline.Tests.Stories;

/// <summary>Invented news text for unit tests: paragraphs built from a story's own small vocabulary, so stories differ in words.</summary>
internal static class Invented
{
    private static readonly string[][] Vocabularies =
    [
        ["Avonford", "council", "bridge", "budget", "engineers", "river", "crossing", "mayor", "Halvorsen", "repairs", "tolls", "commuters"],
        ["Kestrel", "Mining", "strike", "workers", "wages", "union", "Brannock", "shaft", "negotiators", "pickets", "copper", "smelter"],
        ["Lumira", "orchestra", "festival", "violinist", "Okonkwo", "premiere", "concert", "audience", "symphony", "tickets", "conductor", "stage"],
        ["Tarrow", "hospital", "nurses", "ward", "outbreak", "patients", "Velasquez", "clinic", "vaccine", "doctors", "infection", "beds"],
    ];

    private static readonly string[] Glue = ["said", "that", "the", "on", "after", "with", "and", "for", "over", "in", "before", "while"];

    /// <summary>Paragraph <paramref name="k"/> of story <paramref name="story"/>: 20 or so words, different for every k.</summary>
    public static string Paragraph(int story, int k)
    {
        var v = Vocabularies[story % Vocabularies.Length];
        var words = new List<string>();
        var x = (uint)((story * 7919) + (k * 104729) + 17);
        for (var i = 0; i < 20; i++)
        {
            x = (x * 1103515245) + 12345;
            words.Add(i % 2 == 0 ? v[(int)((x >> 16) % (uint)v.Length)] : Glue[(int)((x >> 16) % (uint)Glue.Length)]);
        }

        words.Add("number" + k.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return char.ToUpperInvariant(words[0][0]) + string.Join(' ', words)[1..] + ".";
    }

    public static IEnumerable<string> Paragraphs(int story, int from, int count) => Enumerable.Range(from, count).Select(k => Paragraph(story, k));

    /// <summary>A page of the given lines (one block a line) read through the extraction contract.</summary>
    public static Article Article(string origin, IEnumerable<string> lines)
    {
        var page = DecodedPage.FromText(origin, string.Join("\n\n", lines));
        var statistics = new LineStatistics();
        PageExtractors.Default.Observe(page, statistics);
        return PageExtractors.Default.Extract(page, statistics);
    }
}
