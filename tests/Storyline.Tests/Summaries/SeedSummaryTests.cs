using Storyline.Extract;
using Storyline.Model;
using Storyline.Summaries;
using Storyline.Text;

namespace Storyline.Tests.Summaries;

/// <summary>Seeds 001–004 (one story) summarised from the articles the text cleaner makes of them, as ingest reads them.</summary>
public class SeedSummaryTests
{
    private static List<Article> Articles()
    {
        var pages = new[] { "001", "002", "003", "004" }
            .Select(p => DecodedPage.FromText(SharedData.Seed(p), File.ReadAllText(SharedData.Seed(p))))
            .ToList();
        var statistics = new LineStatistics();
        foreach (var page in pages)
        {
            PageExtractors.Default.Observe(page, statistics);
        }

        return [.. pages.Select(p => PageExtractors.Default.Extract(p, statistics))];
    }

    [SharedFact]
    public void Every_summary_sentence_is_body_text_and_none_is_removed_boilerplate()
    {
        var articles = Articles();
        var byId = articles.ToDictionary(a => a.Id);

        // Removed lines, but not the second print of a standfirst (004): its words are kept once, as the standfirst.
        var kept = articles.Select(a => TextNormalizer.LineKey(a.Text)).ToList();
        var boilerplate = articles.SelectMany(a => a.Removed)
            .Where(b => TextNormalizer.CountWords(b.Text) >= 4 && !kept.Any(k => k.Contains(TextNormalizer.LineKey(b.Text), StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(boilerplate);
        foreach (var words in new[] { 100, 250, 10_000 })
        {
            var summary = StorySummarizer.Summarize(articles, new SummaryOptions { Words = words });
            Assert.NotEmpty(summary);
            foreach (var sentence in summary)
            {
                foreach (var source in sentence.Sources)
                {
                    var article = byId[source.ArticleId];
                    var paragraph = Assert.Single(article.Paragraphs, p => p.Start <= source.Start && source.Start + source.Length <= p.End);
                    Assert.True(paragraph.Role is BlockRole.Body or BlockRole.Standfirst, $"{sentence.Text} is in a {paragraph.Role} paragraph");
                }

                var key = TextNormalizer.LineKey(sentence.Text);
                foreach (var removed in boilerplate)
                {
                    Assert.False(key.Contains(TextNormalizer.LineKey(removed.Text), StringComparison.Ordinal),
                        $"summary sentence \"{sentence.Text}\" carries removed text \"{removed.Text}\" ({removed.Reason})");
                }
            }
        }
    }

    [SharedFact]
    public void The_wire_copy_003_and_004_share_is_cited_to_both_and_given_once()
    {
        var articles = Articles();
        var (a003, a004) = (articles[2].Id, articles[3].Id);
        var all = StorySummarizer.Summarize(articles, new SummaryOptions { Words = 10_000 });

        // EXPECTED.md: all nine of 003's body paragraphs appear again in 004 (curly vs straight quotes aside), so
        // every sentence 003 carries cites 004 as well, and no sentence appears twice.
        var from003 = all.Where(s => s.Sources.Any(x => x.ArticleId == a003)).ToList();
        Assert.True(from003.Count >= 9, $"only {from003.Count} sentences cite 003");
        Assert.All(from003, s => Assert.Contains(s.Sources, x => x.ArticleId == a004));
        Assert.Equal(all.Length, all.Select(s => TextNormalizer.LineKey(s.Text)).Distinct().Count());

        // The default summary picks up the wire copy (carried by two outlets) and says so.
        var summary = StorySummarizer.Summarize(articles);
        Assert.Contains(summary, s => s.Sources.Any(x => x.ArticleId == a003) && s.Sources.Any(x => x.ArticleId == a004));
    }
}
