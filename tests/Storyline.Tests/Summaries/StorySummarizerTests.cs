using System.Collections.Immutable;
using Storyline.Model;
using Storyline.Summaries;
using Storyline.Text;

namespace Storyline.Tests.Summaries;

/// <summary>The summarizer on small invented stories whose right answer is plain to see.</summary>
public class StorySummarizerTests
{
    private static readonly DateTimeOffset Monday = new(2024, 3, 4, 9, 0, 0, TimeSpan.Zero);

    internal static Article Make(string id, DateTimeOffset? date, params (string Text, BlockRole Role)[] paragraphs)
    {
        var kept = paragraphs.Where(p => p.Role != BlockRole.Boilerplate).ToList();
        var spans = ImmutableArray.CreateBuilder<Paragraph>();
        var offset = 0;
        foreach (var (text, role) in kept)
        {
            spans.Add(new Paragraph(offset, text.Length, role));
            offset += text.Length + Article.ParagraphSeparator.Length;
        }

        return new Article
        {
            Id = id,
            Origin = id + ".txt",
            Text = string.Join(Article.ParagraphSeparator, kept.Select(p => p.Text)),
            Paragraphs = spans.ToImmutable(),
            Blocks = [.. paragraphs.Select(p => new Block(p.Text, p.Role, p.Role == BlockRole.Boilerplate ? "newsletter box" : null))],
            Date = date is { } d ? new PageDate(d, true, d.ToString("O"), "test") : null,
        };
    }

    private static (string, BlockRole) Body(string text) => (text, BlockRole.Body);

    private static string At(Article a, SentenceSource s) => a.Text.Substring(s.Start, s.Length);

    private static readonly Article Harbour = Make("harbour", Monday.AddDays(1),
        Body("Dockworkers at the port of Harbourton walked off the job on Tuesday over a pay dispute with the port authority."),
        Body("The union said about 1,200 members joined the strike, halting container traffic at the busiest terminal in the region."),
        Body("\u201CWe will stay out until the authority makes a fair offer,\u201D union leader Maria Keller told reporters outside the gates."),
        Body("Shipping companies warned that cargo would be diverted to other ports if the strike lasted more than a week."));

    private static readonly Article Wire = Make("wire", Monday,
        ("Port strike", BlockRole.Heading),
        Body("The union said about 1,200 members joined the strike, halting container traffic at the busiest terminal in the region."),
        Body("\"We will stay out until the authority makes a fair offer,\" union leader Maria Keller told reporters outside the gates."),
        ("Sign up for our free weekly newsletter to get the latest port and shipping news delivered every morning.", BlockRole.Boilerplate),
        Body("The port authority said it had offered a raise of three percent and called the walkout unnecessary and damaging."));

    [Fact]
    public void A_sentence_two_articles_carry_is_one_summary_sentence_citing_both_at_their_own_words()
    {
        var summary = StorySummarizer.Summarize([Harbour, Wire], new SummaryOptions { Words = 1000 });
        var quote = Assert.Single(summary, s => s.Text.Contains("fair offer", StringComparison.Ordinal));
        Assert.Equal(["wire", "harbour"], quote.Sources.Select(s => s.ArticleId));
        Assert.StartsWith("\"We will stay out", At(Wire, quote.Sources[0]), StringComparison.Ordinal);
        Assert.StartsWith("\u201CWe will stay out", At(Harbour, quote.Sources[1]), StringComparison.Ordinal);
        Assert.EndsWith("outside the gates.", At(Harbour, quote.Sources[1]), StringComparison.Ordinal);

        // Both copies of the union's figure merged too: no sentence is given twice.
        Assert.Single(summary, s => s.Text.Contains("1,200", StringComparison.Ordinal));
        Assert.Equal(summary.Length, summary.Select(s => TextNormalizer.Normalize(s.Text)).Distinct().Count());
    }

    [Fact]
    public void Only_body_and_standfirst_sentences_are_candidates_and_every_source_span_is_its_sentence()
    {
        var summary = StorySummarizer.Summarize([Harbour, Wire], new SummaryOptions { Words = 1000 });
        Assert.DoesNotContain(summary, s => s.Text.Contains("newsletter", StringComparison.Ordinal) || s.Text == "Port strike");
        Assert.Equal(5, summary.Length);
        foreach (var sentence in summary)
        {
            foreach (var source in sentence.Sources)
            {
                var article = source.ArticleId == "wire" ? Wire : Harbour;
                var paragraph = Assert.Single(article.Paragraphs, p => p.Start <= source.Start && source.Start + source.Length <= p.End);
                Assert.Equal(BlockRole.Body, paragraph.Role);
            }

            Assert.Equal(sentence.Text, At(sentence.Sources[0].ArticleId == "wire" ? Wire : Harbour, sentence.Sources[0]));
        }
    }

    [Fact]
    public void Sentences_are_in_reading_order_earlier_article_first_each_with_its_articles_date()
    {
        foreach (var method in Enum.GetValues<SummaryMethod>())
        {
            var summary = StorySummarizer.Summarize([Harbour, Wire], new SummaryOptions { Words = 1000, Method = method });
            var firstHarbourOnly = summary.ToList().FindIndex(s => s.Sources[0].ArticleId == "harbour");
            Assert.True(firstHarbourOnly > 0, method.ToString());
            Assert.All(summary.Take(firstHarbourOnly), s => Assert.Equal(Monday, s.Date));
            Assert.All(summary.Skip(firstHarbourOnly), s => Assert.Equal(Monday.AddDays(1), s.Date));
            var starts = summary.Skip(firstHarbourOnly).Select(s => s.Sources[0].Start).ToList();
            Assert.Equal(starts.Order(), starts);
        }
    }

    [Fact]
    public void Sentences_are_added_until_the_summary_has_its_words_and_no_further()
    {
        foreach (var method in Enum.GetValues<SummaryMethod>())
        {
            var summary = StorySummarizer.Summarize([Harbour, Wire], new SummaryOptions { Words = 30, Method = method });
            var words = summary.Select(s => TextNormalizer.CountWords(s.Text)).ToList();
            Assert.True(words.Sum() >= 30, method.ToString());
            Assert.True(words.Sum() - words.Min() < 30, method.ToString());
        }
    }

    [Fact]
    public void Lead_takes_the_first_sentence_of_each_article_in_turn()
    {
        var summary = StorySummarizer.Summarize([Harbour, Wire], new SummaryOptions { Words = 30, Method = SummaryMethod.Lead });
        Assert.Equal(2, summary.Length);
        Assert.Contains("1,200 members", summary[0].Text, StringComparison.Ordinal);
        Assert.Contains("walked off the job", summary[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wire_dateline_opening_a_sentence_is_left_out_of_it_and_of_its_span()
    {
        var article = Make("dated", null,
            Body("HARBOURTON (Reuters) - Dockworkers at the port walked off the job on Tuesday over a pay dispute with the port authority."));
        var sentence = Assert.Single(StorySummarizer.Summarize([article]));
        Assert.StartsWith("Dockworkers at the port", sentence.Text, StringComparison.Ordinal);
        Assert.Equal(sentence.Text, At(article, sentence.Sources[0]));
    }

    [Fact]
    public void The_same_story_gives_the_same_summary_and_an_empty_story_an_empty_one()
    {
        var a = StorySummarizer.Summarize([Harbour, Wire]);
        var b = StorySummarizer.Summarize([Harbour, Wire]);
        Assert.Equal(a.Select(s => (s.Text, string.Join(",", s.Sources))), b.Select(s => (s.Text, string.Join(",", s.Sources))));
        Assert.Empty(StorySummarizer.Summarize([]));
        Assert.Empty(StorySummarizer.Summarize([Make("short", null, Body("Too short."))]));
    }
}
