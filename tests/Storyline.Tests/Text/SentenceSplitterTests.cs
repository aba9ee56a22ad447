using Storyline.Text;

namespace Storyline.Tests.Text;

public sealed class SentenceSplitterTests
{
    private static string[] Sentences(string text) =>
        [.. SentenceSplitter.Split(text, out _).Select(s => text.Substring(s.Start, s.Length))];

    [Fact]
    public void Abbreviations_do_not_end_sentences()
    {
        var text = "Sen. Smith arrived on Feb. 11 with Gen. Jones. They met Mr. Brown.";
        Assert.Equal(["Sen. Smith arrived on Feb. 11 with Gen. Jones.", "They met Mr. Brown."], Sentences(text));
    }

    [Fact]
    public void An_ambiguous_abbreviation_ends_a_sentence_only_before_a_sentence_opener()
    {
        var text = "He flew to the U.S. The talks began. U.S. officials said the U.S. Navy agreed.";
        Assert.Equal(["He flew to the U.S.", "The talks began.", "U.S. officials said the U.S. Navy agreed."], Sentences(text));
    }

    [Fact]
    public void Closing_quotes_stay_with_their_sentence()
    {
        var text = "\"We were satisfied.\" Peskov said. He left!";
        Assert.Equal(["\"We were satisfied.\"", "Peskov said.", "He left!"], Sentences(text));
    }

    [Fact]
    public void A_dateline_stays_with_its_sentence_and_ellipses_before_lower_case_do_not_split()
    {
        var text = "MOSCOW (Reuters) - The Kremlin said on Tuesday that it was ... fine. Talks went on.";
        Assert.Equal(["MOSCOW (Reuters) - The Kremlin said on Tuesday that it was ... fine.", "Talks went on."], Sentences(text));
    }

    [Fact]
    public void A_blank_line_always_ends_a_sentence()
    {
        var text = "Kremlin asks Turkey for help\n\nThe Kremlin said on Tuesday";
        Assert.Equal(["Kremlin asks Turkey for help", "The Kremlin said on Tuesday"], Sentences(text));
    }

    [Fact]
    public void Sentences_cover_every_token_once_in_order()
    {
        var text = "A b. C d? E \"f.\" G...\n\nH i. J U.S. K.";
        var sentences = SentenceSplitter.Split(text, out var tokens);
        var next = 0;
        foreach (var s in sentences)
        {
            Assert.Equal(next, s.FirstToken);
            Assert.Equal(tokens[s.FirstToken].Start, s.Start);
            Assert.Equal(tokens[s.FirstToken + s.TokenCount - 1].End, s.End);
            next += s.TokenCount;
        }

        Assert.Equal(tokens.Count, next);
    }
}
