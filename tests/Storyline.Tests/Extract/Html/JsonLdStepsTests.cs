using Storyline.Extract;
using Storyline.Extract.Html;
using Storyline.Model;

namespace Storyline.Tests.Extract.Html;

/// <summary>A guide whose steps only its JSON-LD holds gives them as its text.</summary>
public class JsonLdStepsTests
{
    private const string Intro = "Sewing a tablecloth takes an afternoon and a few metres of cotton.";

    private static readonly string[] Steps =
    [
        "Measure the table and add ten centimetres on every side for the hem, then cut the cloth along the grain with sharp scissors.",
        "Fold the edges over twice, pin them every hand's width and press them flat with a hot iron so that the fold stays in place.",
        "Sew the hem close to its inner edge with a straight stitch, turning the cloth at each corner with the needle left in the fabric.",
        "Wash the finished cloth once at a low temperature before its first use, so that it shrinks evenly and the hem lies flat.",
        "Iron it while it is still a little damp, from the middle towards the edges, and fold it along the same lines each time you put it away.",
    ];

    private static Article Extract(string stepsJson) =>
        new HtmlPageExtractor().Extract(
            DecodedPage.FromText("test.html", $$"""
                <html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"HowTo","name":"Sew a tablecloth","step":{{stepsJson}}}</script></head>
                <body><article><h1>Sew a tablecloth</h1><p>{{Intro}}</p><div id="app"></div></article></body></html>
                """, PageFormat.Html, "https://crafts.example.org/tablecloth"),
            LineStatistics.Empty);

    [Fact]
    public void Steps_written_as_markup_fragments_are_read_as_their_text()
    {
        // Each section's direction holds its text as a fragment of markup, as content systems write it.
        var sections = Steps.Select((s, i) => new Dictionary<string, object>
        {
            ["@type"] = "HowToSection",
            ["name"] = $"Step {i + 1}",
            ["itemListElement"] = new Dictionary<string, object> { ["@type"] = "HowToStep", ["text"] = $"<p>{s.Replace(" with ", "&nbsp;with ", StringComparison.Ordinal)}</p>" },
        });
        var a = Extract(System.Text.Json.JsonSerializer.Serialize(sections));
        Assert.Contains(Intro, a.Text, StringComparison.Ordinal);
        foreach (var step in Steps)
        {
            Assert.Contains(step, a.Text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<p>", a.Text, StringComparison.Ordinal);
        Assert.Contains(a.Notes, n => n.Contains("JSON-LD HowTo steps", StringComparison.Ordinal));
    }

    [Fact]
    public void Short_steps_beside_a_page_that_shows_its_text_add_nothing()
    {
        var a = Extract("""[{"@type":"HowToStep","text":"Cut the cloth."},{"@type":"HowToStep","text":"Sew the hem."}]""");
        Assert.DoesNotContain("Cut the cloth", a.Text, StringComparison.Ordinal);
    }
}
