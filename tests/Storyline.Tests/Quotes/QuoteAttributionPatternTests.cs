using Storyline.Quotes;

namespace Storyline.Tests.Quotes;

/// <summary>Attribution patterns of news copy found while developing on the PolNeAR train set (invented sentences).</summary>
public class QuoteAttributionPatternTests
{
    private static readonly QuoteExtractor Extractor = new();

    private static Quote Single(string text) => Assert.Single(Extractor.Extract(text), q => q.Kind == QuoteKind.Direct);

    [Fact]
    public void A_counted_phrase_after_says_is_what_is_said_not_who_says_it()
    {
        const string text = "The Drivers' Union, whose members run the city's buses, says 41 people have been hurt.";
        var q = Assert.Single(Extractor.Extract(text));
        Assert.EndsWith("Union", q.Speaker!.Value.Of(text), StringComparison.Ordinal);
        Assert.Contains("41 people have been hurt", q.Content.Of(text), StringComparison.Ordinal);
    }

    [Fact]
    public void A_counted_phrase_before_its_cue_is_a_speaker()
    {
        const string text = "\"We were never told,\" 41 residents said in a letter to the council.";
        Assert.Equal("41 residents", Single(text).Speaker!.Value.Of(text));
    }

    [Fact]
    public void A_described_speaker_with_a_place_name_after_the_cue()
    {
        const string text = "\"We cannot have a mayor like that,\" said the New York businessman.";
        Assert.Equal("the New York businessman", Single(text).Speaker!.Value.Of(text));
    }

    [Fact]
    public void A_quote_that_closes_its_sentence_is_attributed_by_the_short_sentence_after_it()
    {
        const string text = "“I hope you find the missing letters.” Trump said on Tuesday.";
        var q = Single(text);
        Assert.Equal("“I hope you find the missing letters.”", q.Content.Of(text));
        Assert.Equal("Trump", q.Speaker!.Value.Of(text));
    }

    [Fact]
    public void A_sentence_after_the_quote_with_content_of_its_own_does_not_attribute_it()
    {
        const string text = "“The bridge is safe.” Engineers said that the cables would be replaced next year.";
        Assert.DoesNotContain(Extractor.Extract(text), q => q.Kind == QuoteKind.Direct && q.Content.Of(text).Contains("bridge", StringComparison.Ordinal) && q.Speaker is not null);
    }

    [Fact]
    public void A_quote_split_by_an_attribution_with_a_phrase_after_the_cue()
    {
        const string text = "“To the extent they care,” he said of the campaign, “I have pleased them at times.”";
        var q = Single(text);
        Assert.Equal(2, q.Fragments.Length);
        Assert.Equal("he", q.Speaker!.Value.Of(text));
    }

    [Fact]
    public void A_capitalised_cue_inside_the_sentence()
    {
        const string text = "“Not us, but we cannot argue with it!” Murphy Tweeted on Friday.";
        Assert.Equal("Murphy", Single(text).Speaker!.Value.Of(text));
    }

    [Fact]
    public void A_paragraph_that_is_all_quote_continues_the_quote_that_ended_the_paragraph_before()
    {
        const string text = "“Security remains our biggest challenge,” Carson continued.\n\n\"Our information is under constant attack.\"";
        var q = Single(text);
        Assert.Equal(2, q.Fragments.Length);
        Assert.Equal("Carson", q.Speaker!.Value.Of(text));
    }

    [Theory]
    [InlineData("Stated Stone:\n\n“The stakes are so high this year.”", "Stone")]
    [InlineData("Cruz called them on it:\n\n“The questions asked tonight show why people do not trust the media.”", "Cruz")]
    public void A_lead_in_paragraph_ending_in_a_colon_gives_the_next_paragraphs_quote_its_speaker(string text, string speaker) =>
        Assert.Equal(speaker, Single(text).Speaker!.Value.Of(text));
}

public class QuoteAttributionPatternMoreTests
{
    private static readonly QuoteExtractor Extractor = new();

    private static Quote Single(string text) => Assert.Single(Extractor.Extract(text), q => q.Kind == QuoteKind.Direct);

    [Fact]
    public void A_subject_and_verb_before_a_colon_introduce_the_quote_after_it()
    {
        const string text = "Senator Mitch Holloway delivered a blunt message to the mayor: \"It is time to stop attacking people.\"";
        var q = Assert.Single(Extractor.Extract(text), q => q.Kind == QuoteKind.Direct);
        Assert.Equal("Senator Mitch Holloway", q.Speaker!.Value.Of(text));
    }

    [Fact]
    public void An_irregular_past_tense_after_a_comma_ended_quote_is_its_cue()
    {
        const string text = "\"He wants to be a tough guy tonight,\" Garner shot back.";
        var q = Assert.Single(Extractor.Extract(text), q => q.Kind == QuoteKind.Direct);
        Assert.Equal("Garner", q.Speaker!.Value.Of(text));
    }

    [Fact]
    public void A_second_cue_of_the_same_speaker_starts_a_second_statement()
    {
        const string text = "Mayor Ana Ruiz said on Monday that the bridge would open \"within weeks\" and insisted that the budget was \"not a problem.\"";
        var quotes = Extractor.Extract(text);

        Assert.Equal(2, quotes.Length);
        Assert.Equal("that the bridge would open \"within weeks\"", quotes[0].Content.Of(text));
        Assert.Equal("that the budget was \"not a problem.\"", quotes[1].Content.Of(text));
        Assert.Equal("insisted", quotes[1].Cue!.Value.Of(text));
        Assert.All(quotes, q => Assert.Equal("Mayor Ana Ruiz", q.Speaker!.Value.Of(text)));
    }

    [Fact]
    public void A_coordinated_verb_inside_the_reported_clause_is_not_a_second_cue()
    {
        const string text = "The mayor said that the audit showed \"waste\" and indicated the budget would shrink.";
        var q = Assert.Single(Extractor.Extract(text));
        Assert.Equal("that the audit showed \"waste\" and indicated the budget would shrink", q.Content.Of(text));
    }

    [Theory]
    [InlineData("\"The harm is beyond measure,\" federal prosecutors wrote in the filing.", "federal prosecutors")]
    [InlineData("\"We need him at home,\" his wife, Maria Lopez, wrote in a letter.", "his wife, Maria Lopez")]
    [InlineData("“The council should act like one,” the editorial read.", "the editorial")]
    [InlineData("“It was a long night,” co-anchor Dana Reed said.", "co-anchor Dana Reed")]
    public void Described_speakers_after_a_comma_ended_quote(string text, string speaker)
    {
        Assert.Equal(speaker, Single(text).Speaker!.Value.Of(text));
    }

    [Fact]
    public void A_relative_clause_speaker_is_the_name_it_refers_to()
    {
        const string text = "\"It is not normal,\" said Weaver, who said executives often fail to see that there are \"no secrets in politics.\"";
        var q = Assert.Single(Extractor.Extract(text), q => q.Kind != QuoteKind.Direct);

        Assert.Equal("Weaver, who", q.Speaker!.Value.Of(text));
        Assert.Equal("Weaver", q.SpeakerName);
    }

    [Fact]
    public void A_phrase_set_off_by_commas_between_the_attribution_and_the_rest_of_the_quote()
    {
        const string text = "“These people know how to use words,” said Ann Lee, speaking of politicians, “and they leave themselves room.”";
        var q = Single(text);

        Assert.Equal(2, q.Fragments.Length);
        Assert.Equal("Ann Lee", q.Speaker!.Value.Of(text));
    }

    [Fact]
    public void A_subject_and_verb_alone_before_a_quoted_sentence_attribute_it()
    {
        const string text = "Professor Dana Brook agreed. \"The party is running out of time.\"";
        Assert.Equal("Professor Dana Brook", Single(text).Speaker!.Value.Of(text));
    }

    [Theory]
    [InlineData("\"Will he be the next mayor?\" a Democratic staffer in the room wondered.", "a Democratic staffer")]
    [InlineData("\"Better watch out for the council,\" tweeted another.", "another")]
    public void Speakers_with_a_place_phrase_or_a_lone_determiner(string text, string speaker)
    {
        Assert.Equal(speaker, Single(text).Speaker!.Value.Of(text));
    }

    [Fact]
    public void A_second_quote_after_before_adding_keeps_the_speaker()
    {
        const string text = "\"The vote is close,\" Mayor Ana Ruiz said before adding: \"We will know on Friday.\"";
        var quotes = Extractor.Extract(text).Where(q => q.Kind == QuoteKind.Direct).ToList();

        Assert.Equal(2, quotes.Count);
        Assert.Equal("\"We will know on Friday.\"", quotes[1].Content.Of(text));
        Assert.Equal("adding", quotes[1].Cue!.Value.Of(text));
        Assert.All(quotes, q => Assert.Equal("Mayor Ana Ruiz", q.Speaker!.Value.Of(text)));
    }
}
