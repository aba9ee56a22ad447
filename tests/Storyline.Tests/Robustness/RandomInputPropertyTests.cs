using FsCheck;
using FsCheck.Fluent;
using Storyline.Compose;
using Storyline.Extract;
using Storyline.Ingest;
using Storyline.Model;
using Storyline.Quotes;
using Storyline.Text;
using Storyline.Time;

namespace Storyline.Tests.Robustness;

/// <summary>
/// Issue 11's robustness: random bytes, random text built from news-like pieces (quotation marks of every style,
/// numbers, dates, names, lone surrogates) and random HTML trees go through every reader and stage. No exception
/// escapes, and every span stays inside its text, in order. Seeded, so a failure replays.
/// </summary>
public class RandomInputPropertyTests
{
    private static readonly Config Seeded = Config.QuickThrowOnFailure.WithMaxTest(150).WithReplay(20261123UL, 1442695040888963407UL);

    private static readonly string[] Pieces =
    [
        "Peskov", "said", "Erdoğan", "the", "Kremlin", "spokesman", "on", "Tuesday", "Feb.", "11", "2018", "1,000",
        "close to 1 million", "people", "killed", "\"", "“", "”", "‘", "’", "«", "»", "„", "'", ",", ".", ":", ";",
        "—", "-", "(", ")", "\n", "\n\n", " ", "  ", "U.S.", "Sen.", "MOSCOW (Reuters) -", "$3.5 billion", "40%",
        "\uD83D", "\uDE00", "😀", "\u0301", "\t", "&", "<", ">", "…", "ı", "I", "by", "told", "according to",
    ];

    private static Gen<string> NewsLike() =>
        Gen.Elements(Pieces).ListOf().Select(parts => string.Join(' ', parts));

    private static Gen<string> HtmlTree()
    {
        var tags = new[] { "p", "div", "article", "h1", "li", "ul", "script", "style", "a", "span", "time", "nav", "footer", "table", "td", "br", "img" };
        return Gen.Zip(Gen.Elements(tags).ListOf(), NewsLike().ListOf()).Select(t =>
        {
            var (names, texts) = t;
            var sb = new System.Text.StringBuilder("<html><head><title>t</title></head><body>");
            var open = new Stack<string>();
            for (var i = 0; i < Math.Max(names.Count, texts.Count); i++)
            {
                if (i < names.Count)
                {
                    if (open.Count > 0 && i % 3 == 2)
                    {
                        sb.Append("</").Append(open.Pop()).Append('>');
                    }
                    else
                    {
                        sb.Append('<').Append(names[i]).Append(i % 4 == 0 ? " class=\"content\">" : ">");
                        open.Push(names[i]);
                    }
                }

                if (i < texts.Count)
                {
                    sb.Append(System.Net.WebUtility.HtmlEncode(texts[i]));
                }
            }

            return sb.Append("</body></html>").ToString();
        });
    }

    private static void SpansInside(Article a)
    {
        var last = -1;
        foreach (var p in a.Paragraphs)
        {
            Assert.True(p.Start >= last && p.Start >= 0 && p.End <= a.Text.Length, $"paragraph {p.Start}+{p.Length} outside or out of order in {a.Text.Length}");
            last = p.End;
        }
    }

    private static Article Extracted(string content, PageFormat format)
    {
        var raw = new RawPage("random." + (format == PageFormat.Html ? "html" : "txt"), System.Text.Encoding.UTF8.GetBytes(content), format);
        var (page, _, _) = PageDecoder.Decode(raw);
        if (page is null)
        {
            return new Article { Id = "0000000000000000", Origin = raw.Origin, Text = "" };
        }

        var stats = new LineStatistics();
        PageExtractors.Default.Observe(page, stats);
        var article = PageExtractors.Default.Extract(page, stats) with { Id = "0000000000000001" };
        SpansInside(article);
        return article;
    }

    [Fact]
    public void Random_bytes_are_decoded_or_refused_with_a_reason_never_thrown()
    {
        Prop.ForAll(Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf().ToArbitrary(), bytes =>
        {
            var raw = new RawPage("random.txt", bytes, PageFormat.Text);
            var (page, error, _) = PageDecoder.Decode(raw);
            Assert.True(page is not null || error is { Reason.Length: > 0 });
        }).Check(Seeded);
    }

    [Fact]
    public void Random_news_like_text_goes_through_every_stage_with_spans_inside_the_text()
    {
        Prop.ForAll(NewsLike().ToArbitrary(), text =>
        {
            var article = Extracted(text, PageFormat.Text);
            var t = article.Text;

            var tokens = Tokenizer.Tokenize(t);
            Assert.All(tokens, k => Assert.True(k.Start >= 0 && k.End <= t.Length));
            Assert.True(tokens.Zip(tokens.Skip(1)).All(p => p.First.End <= p.Second.Start));
            var sentences = SentenceSplitter.Split(t, out _);
            Assert.True(sentences.Zip(sentences.Skip(1)).All(p => p.First.End <= p.Second.Start) && sentences.All(s => s.End <= t.Length));

            Assert.All(TimeTagger.Default.Tag(t), e => Assert.True(e.Start >= 0 && e.End <= t.Length));
            Assert.All(new QuoteExtractor().Extract(article), q => Assert.True(q.Content.Start >= 0 && q.Content.End <= t.Length));
            Assert.All(new Storyline.Figures.FigureExtractor().Find(article), f => Assert.True(f.Span.Start >= 0 && f.Span.End <= t.Length));

            var view = StoryViewBuilder.Build(new Story("s-0000000000000001", "random", [article.Id]), [article], []);
            Assert.All(view.Summary.SelectMany(s => s.Sources).Concat(view.Timeline.SelectMany(e => e.Sources)), c => Assert.True(c.Start >= 0 && c.Start + c.Length <= t.Length));
        }).Check(Seeded);
    }

    [Fact]
    public void Random_html_trees_are_extracted_with_spans_inside_the_text()
    {
        Prop.ForAll(HtmlTree().ToArbitrary(), html => _ = Extracted(html, PageFormat.Html)).Check(Seeded);
    }
}
