using Storyline.Model;
using Storyline.Summaries;

namespace Storyline.Tests.Summaries;

/// <summary>Whatever the articles hold, a summary's spans point at its own words in body text, and it is the same every time.</summary>
public class SummaryInvariantTests
{
    private static readonly string[] Vocabulary =
    [
        "the", "port", "strike", "union", "said", "on", "Tuesday", "1,200", "workers", "U.S.", "Mr.", "\u201Cwe", "will\u201D",
        "(Reuters)", "-", "\u2014", "Harbourton", "authority", "offer", "é", "naïve", "don't", "it's", "...", "?", "!", ".", ",",
        "\n", "  ", "\u00A0", "http://x.example/a", "10:04", "ship", "cargo", "a", "of", "and", "HARBOURTON",
    ];

    private static Article RandomArticle(Random random, int n)
    {
        var roles = new[] { BlockRole.Body, BlockRole.Body, BlockRole.Body, BlockRole.Standfirst, BlockRole.Heading, BlockRole.Title };
        var paragraphs = Enumerable.Range(0, random.Next(0, 8))
            .Select(_ =>
            {
                var words = Enumerable.Range(0, random.Next(0, 60)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]);
                return (string.Join(' ', words).Trim() + (random.Next(2) == 0 ? "." : ""), roles[random.Next(roles.Length)]);
            })
            .ToArray();
        var date = random.Next(3) == 0 ? (DateTimeOffset?)null : new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(random.Next(30));
        return StorySummarizerTests.Make("a" + n, date, paragraphs);
    }

    [Fact]
    public void Spans_stay_inside_body_paragraphs_and_carry_the_sentence_for_any_input_and_every_method()
    {
        var random = new Random(20240304);
        for (var trial = 0; trial < 200; trial++)
        {
            var articles = Enumerable.Range(0, random.Next(1, 6)).Select(i => RandomArticle(random, i)).ToList();
            var byId = articles.ToDictionary(a => a.Id);
            var options = new SummaryOptions { Words = random.Next(0, 300), Method = Enum.GetValues<SummaryMethod>()[random.Next(4)] };
            var summary = StorySummarizer.Summarize(articles, options);
            Assert.Equal(summary.Select(s => s.Text), StorySummarizer.Summarize(articles, options).Select(s => s.Text));
            foreach (var sentence in summary)
            {
                Assert.NotEmpty(sentence.Sources);
                Assert.Equal(sentence.Sources.Length, sentence.Sources.Select(s => (s.ArticleId, s.Start)).Distinct().Count());
                foreach (var source in sentence.Sources)
                {
                    var article = byId[source.ArticleId];
                    Assert.Contains(article.Paragraphs, p => p.Role is BlockRole.Body or BlockRole.Standfirst && p.Start <= source.Start && source.Start + source.Length <= p.End);
                }

                var first = sentence.Sources[0];
                var words = byId[first.ArticleId].Text.Substring(first.Start, first.Length).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(string.Join(' ', words), sentence.Text);
            }
        }
    }
}
