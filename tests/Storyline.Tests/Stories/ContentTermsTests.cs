using Storyline.Stories;

namespace Storyline.Tests.Stories;

public class ContentTermsTests
{
    [Fact]
    public void Adjacent_content_words_make_a_phrase_term_and_punctuation_or_a_function_word_breaks_it()
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        ContentTerms.AddBigrams(counts, "The April Fools\u2019 prank fell flat. Jobs speech of the president, cost-cutting plans.", 2);

        Assert.Equal(2, counts["april fool"]); // a calendar word counts next to a content word, the plural folded
        Assert.Equal(2, counts["fool prank"]);
        Assert.Equal(2, counts["job speech"]);
        Assert.Equal(2, counts["cost cutting"]); // a hyphen joins
        Assert.True(counts.ContainsKey("cutting plan"));
        Assert.False(counts.ContainsKey("flat job")); // a full stop between
        Assert.False(counts.ContainsKey("speech president")); // "of the" between
        Assert.False(counts.ContainsKey("president cost")); // a comma between
        Assert.DoesNotContain(counts.Keys, k => !k.Contains(' ', StringComparison.Ordinal)); // pairs only
    }

    [Fact]
    public void An_article_sharing_a_phrase_scores_higher_than_one_with_the_same_words_apart()
    {
        // Each article is long enough to be one (the invented paragraphs), and the same in all but the phrase.
        var first = Invented.Article("a", [
            "Lawmakers in Avonford praised the jobs speech on the night of the vote.",
            "The payroll plan in the jobs speech drew cheers from the council chamber.",
            .. Invented.Paragraphs(1, 0, 3),
        ]);
        var phrase = Invented.Article("b", [
            "Skeptics of the payroll plan were won over by the jobs speech at the council meeting.",
            "Engineers and commuters debated the jobs speech for hours afterwards.",
            .. Invented.Paragraphs(1, 3, 3),
        ]);
        var apart = Invented.Article("c", [
            "Skeptics of the payroll plan were won over by the jobs and the speech at the council meeting.",
            "Engineers and commuters debated the jobs and the speech for hours afterwards.",
            .. Invented.Paragraphs(1, 3, 3),
        ]);

        static double Score(StoryOptions options, Storyline.Model.Article first, Storyline.Model.Article second)
        {
            var builder = new StoryBuilder(options with { JoinThreshold = 0.01 });
            builder.Add(first);
            return builder.Add(second).Score;
        }

        var withPhrases = new StoryOptions();
        Assert.True(Score(withPhrases, first, phrase) > Score(withPhrases, first, apart) + 0.05, $"{Score(withPhrases, first, phrase)} vs {Score(withPhrases, first, apart)}");

        // Without phrase terms the two read alike: the difference above is the phrase's.
        var wordsOnly = new StoryOptions { BigramWeight = 0 };
        Assert.Equal(Score(wordsOnly, first, phrase), Score(wordsOnly, first, apart), 6);
    }

    [Fact]
    public void The_lead_paragraphs_count_lead_weight_times_and_the_rest_once()
    {
        var article = Invented.Article("lead", [
            .. Invented.Paragraphs(0, 0, 1),
            "Zephyr lanterns glowed over the harbour wall at dusk tonight.",
            "Marigold ferries waited beside the harbour wall until dawn.",
            "Obsidian cranes lifted cargo from the harbour wall all morning.",
            .. Invented.Paragraphs(0, 1, 2),
        ]);

        // The first paragraph and "zephyr" make the lead of two; "marigold" and "obsidian" come after it.
        var lead = ContentTerms.Counts(article, new StoryOptions { LeadWeight = 2, LeadParagraphs = 2, BigramWeight = 0 });
        var flat = ContentTerms.Counts(article, new StoryOptions { LeadWeight = 1, BigramWeight = 0 });
        Assert.Equal(2 * flat["zephyr"], lead["zephyr"]);
        Assert.Equal(flat["marigold"], lead["marigold"]);
        Assert.Equal(flat["obsidian"], lead["obsidian"]);
    }
}
