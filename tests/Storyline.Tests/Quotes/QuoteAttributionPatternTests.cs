using Storyline.Quotes;

namespace Storyline.Tests.Quotes;

/// <summary>Attribution patterns of news copy found while developing on the PolNeAR train set (invented sentences).</summary>
public class QuoteAttributionPatternTests
{
    private static readonly QuoteExtractor Extractor = new();

    private static Quote Single(string text) => Assert.Single(Extractor.Extract(text), q => q.Kind == QuoteKind.Direct);

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
}
