using Storyline.Model;
using Storyline.Quotes;

namespace Storyline.Tests.Quotes;

public class QuoteExtractorTests
{
    private static readonly QuoteExtractor Extractor = new();

    private static Quote Single(string text, Func<Quote, bool>? where = null)
    {
        var quotes = Extractor.Extract(text).Where(where ?? (_ => true)).ToList();
        return Assert.Single(quotes);
    }

    private static string Of(string text, CharSpan? span) => span is { } s ? s.Of(text) : "(none)";

    [Theory]
    [InlineData("“We will win this vote,” the senator said.", "“We will win this vote,”")]
    [InlineData("\"We will win this vote,\" the senator said.", "\"We will win this vote,\"")]
    [InlineData("«We will win this vote», the senator said.", "«We will win this vote»")]
    [InlineData("„We will win this vote“, the senator said.", "„We will win this vote“")]
    [InlineData("‘We will win this vote,’ the senator said.", "‘We will win this vote,’")]
    [InlineData("'We will win this vote,' the senator said.", "'We will win this vote,'")]
    public void Direct_quotes_in_every_mark_style_with_the_attribution_after(string text, string content)
    {
        var q = Single(text);

        Assert.Equal(QuoteKind.Direct, q.Kind);
        Assert.Equal(content, q.Content.Of(text));
        Assert.Equal("the senator", Of(text, q.Speaker));
        Assert.Equal("said", Of(text, q.Cue));
    }

    [Fact]
    public void Attribution_before_the_quote_with_hearer_and_colon()
    {
        const string text = "Mayor Ana Ruiz told reporters on Friday: \"The bridge opens in May.\"";
        var q = Single(text);

        Assert.Equal("\"The bridge opens in May.\"", q.Content.Of(text));
        Assert.Equal("Mayor Ana Ruiz", Of(text, q.Speaker));
        Assert.Equal("told", Of(text, q.Cue));
        Assert.Equal("Ana Ruiz", q.SpeakerName);
    }

    [Fact]
    public void A_quote_split_by_its_attribution_is_one_quote_in_two_pieces()
    {
        const string text = "“At the moment, we wait,” he said, “for the new facilities.”";
        var q = Single(text);

        Assert.Equal(2, q.Fragments.Length);
        Assert.Equal("“At the moment, we wait,” “for the new facilities.”", q.ContentText(text));
        Assert.Equal("he", Of(text, q.Speaker));
    }

    [Fact]
    public void A_quote_over_several_paragraphs_continues_where_a_paragraph_leaves_it_open()
    {
        const string text = "Ana Ruiz said: “The bridge opens in May.\n\n“The road follows in June.”\n\nTraffic was light.";
        var q = Single(text);

        Assert.Equal(2, q.Fragments.Length);
        Assert.StartsWith("“The bridge opens in May.", q.Fragments[0].Of(text), StringComparison.Ordinal);
        Assert.Equal("“The road follows in June.”", q.Fragments[1].Of(text));
        Assert.Equal("Ana Ruiz", q.SpeakerName);
    }

    [Fact]
    public void A_partial_quote_inside_reported_speech_takes_the_whole_statement()
    {
        const string text = "The minister accused the government of “attacking” the opposition in the north.";
        var q = Single(text);

        Assert.Equal(QuoteKind.Mixed, q.Kind);
        Assert.Equal("the government of “attacking” the opposition in the north", q.Content.Of(text));
        Assert.Equal("The minister", Of(text, q.Speaker));
        Assert.Equal("accused", Of(text, q.Cue));
    }

    [Theory]
    [InlineData("Jones said that the plan had failed.", "Jones", "said", "that the plan had failed")]
    [InlineData("The plan had failed, Jones told reporters on Monday.", "Jones", "told", "The plan had failed")]
    [InlineData("The plan had failed, said the company's spokesman.", "the company's spokesman", "said", "The plan had failed")]
    [InlineData("The plan had failed, according to the Turkish leader.", "the Turkish leader", "according to", "The plan had failed")]
    [InlineData("According to Jones, the plan had failed.", "Jones", "According to", "the plan had failed")]
    [InlineData("The spokesman warned that the talks could collapse.", "The spokesman", "warned", "that the talks could collapse")]
    [InlineData("Russia's foreign ministry denied that its jets had crossed the border.", "Russia's foreign ministry", "denied", "that its jets had crossed the border")]
    [InlineData("Officials insisted the road was safe.", "Officials", "insisted", "the road was safe")]
    public void Indirect_speech(string text, string speaker, string cue, string content)
    {
        var q = Single(text);

        Assert.Equal(QuoteKind.Indirect, q.Kind);
        Assert.Equal(speaker, Of(text, q.Speaker));
        Assert.Equal(cue, Of(text, q.Cue));
        Assert.Equal(content, q.Content.Of(text));
    }

    [Fact]
    public void A_second_statement_after_adding_keeps_the_speaker()
    {
        const string text = "Turkey expects calm in the region, Foreign Minister Ali Demir said on Thursday, adding that talks would resume.";
        var quotes = Extractor.Extract(text);

        Assert.Equal(2, quotes.Length);
        Assert.Equal("Turkey expects calm in the region", quotes[0].Content.Of(text));
        Assert.Equal("that talks would resume", quotes[1].Content.Of(text));
        Assert.All(quotes, q => Assert.Equal("Ali Demir", q.SpeakerName));
    }

    [Fact]
    public void A_pronoun_is_traced_to_the_person_named_before_it_in_the_paragraph()
    {
        const string text = "Mary Okafor arrived late to the hearing. “We are ready,” she said.";
        var q = Single(text);

        Assert.Equal("she", Of(text, q.Speaker));
        Assert.Equal("Mary Okafor", Of(text, q.SpeakerAntecedent));
        Assert.Equal("Mary Okafor", q.SpeakerName);
    }

    [Fact]
    public void A_pronoun_follows_the_speaker_of_the_quote_in_the_paragraph_before()
    {
        const string text = "“We are ready,” Mary Okafor said.\n\n“We have waited long enough,” she said.";
        var quotes = Extractor.Extract(text);

        Assert.Equal(2, quotes.Length);
        Assert.Equal("Mary Okafor", quotes[1].SpeakerName);
    }

    [Fact]
    public void A_pronoun_is_not_guessed_across_paragraphs_without_a_quote_to_follow()
    {
        const string text = "Mary Okafor arrived late to the hearing.\n\n“We are ready,” she said.";
        var q = Single(text);

        Assert.Equal("she", Of(text, q.Speaker));
        Assert.Null(q.SpeakerAntecedent);
        Assert.Null(q.SpeakerName);
    }

    [Theory]
    [InlineData("The so-called “peace plan” was published on Monday.")]
    [InlineData("Tickets for “Hamlet” sold out within an hour.")]
    [InlineData("The weather was mild across the region on Sunday.")]
    public void Scare_quotes_titles_and_plain_statements_are_not_quotes(string text)
    {
        Assert.Empty(Extractor.Extract(text));
    }

    [Fact]
    public void A_quote_with_nobody_attributed_is_kept_only_when_asked_for()
    {
        const string text = "The hall fell silent.\n\n“This is the end of an era.”";

        Assert.Empty(Extractor.Extract(text));
        var q = Assert.Single(new QuoteExtractor(new QuoteExtractorOptions { Unattributed = true }).Extract(text));
        Assert.Null(q.Speaker);
        Assert.Equal("“This is the end of an era.”", q.Content.Of(text));
    }

    private sealed class TableResolver(Dictionary<string, string> names) : ISpeakerResolver
    {
        public string? Resolve(Article article, CharSpan speaker) => names.GetValueOrDefault(speaker.Of(article.Text));
    }

    [Fact]
    public void A_speaker_resolver_names_roles_and_names_through_the_article()
    {
        const string text = "“We consider such sorties unacceptable,” the spokesman said.";
        var article = new Article
        {
            Id = "0000000000000001",
            Origin = "test",
            Text = text,
            Paragraphs = [new Paragraph(0, text.Length, BlockRole.Body)],
        };
        var extractor = new QuoteExtractor(new QuoteExtractorOptions { SpeakerResolver = new TableResolver(new() { ["the spokesman"] = "Dmitry Peskov" }) });

        var q = Assert.Single(extractor.Extract(article));

        Assert.Equal("the spokesman", Of(text, q.Speaker));
        Assert.Equal("Dmitry Peskov", q.SpeakerName);
    }

    [Fact]
    public void Any_input_keeps_every_span_inside_the_text_and_the_quotes_in_order()
    {
        var random = new Random(20200211);
        const string alphabet = "abc XYZ said told “”\"'‘’«»„.,:;!?—\n\n he she The Smith according to that ";
        for (var round = 0; round < 300; round++)
        {
            var chars = new char[random.Next(0, 300)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            var quotes = Extractor.Extract(text);
            var previous = -1;
            foreach (var q in quotes)
            {
                Assert.True(q.Content.Start >= previous, text);
                previous = q.Content.Start;
                foreach (var span in q.Fragments.Append(q.Content).Concat(new[] { q.Speaker, q.Cue, q.SpeakerAntecedent }.OfType<CharSpan>()))
                {
                    Assert.InRange(span.Start, 0, text.Length);
                    Assert.InRange(span.End, span.Start, text.Length);
                }
            }

            Assert.Equal(quotes, Extractor.Extract(text), ReferenceComparer);
        }
    }

    private static readonly IEqualityComparer<Quote> ReferenceComparer = EqualityComparer<Quote>.Create(
        (a, b) => a is not null && b is not null && a.Content == b.Content && a.Speaker == b.Speaker && a.Cue == b.Cue && a.Kind == b.Kind
            && a.SpeakerName == b.SpeakerName && a.Fragments.SequenceEqual(b.Fragments),
        q => q.Content.GetHashCode());

    [Fact]
    public void Paragraphs_of_a_plain_text_are_its_non_empty_lines()
    {
        const string text = "  first line \n\n\nsecond\n   \nthird";
        var p = QuoteExtractor.SplitParagraphs(text);

        Assert.Equal(["first line", "second", "third"], p.Select(s => s.Of(text)));
        Assert.Empty(Extractor.Extract(string.Empty));
    }
}
