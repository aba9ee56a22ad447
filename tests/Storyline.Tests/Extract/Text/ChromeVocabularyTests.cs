using Storyline.Extract.Text;

namespace Storyline.Tests.Extract.Text;

/// <summary>
/// The chrome words of short lines: the first found in line order decides the reason, letter case does not
/// matter, and whole lines and line beginnings are compared lower-cased. Invented lines.
/// </summary>
public class ChromeVocabularyTests
{
    private static string? Match(string line) => ChromeVocabulary.Match(line, LineShape.Measure(line));

    [Theory]
    [InlineData("Ships off the coast. GETTY IMAGES", ChromeVocabulary.PhotoCredit)]
    [InlineData("Read our Privacy Policy and the cookie settings", ChromeVocabulary.Navigation)]
    [InlineData("Manage the cookie settings or read our privacy policy", ChromeVocabulary.Cookies)]
    [InlineData("The harbour at dawn \u00A9 Jana Novak", ChromeVocabulary.PhotoCredit)]
    [InlineData("5 min read", "reading time")]
    [InlineData("Click to share on X (Opens in new window)", ChromeVocabulary.Share)]
    [InlineData("Harbour talks resume on Monday", null)]
    [InlineData("Terms of the deal", null)]
    public void The_first_chrome_word_of_a_short_line_gives_its_reason(string line, string? reason) =>
        Assert.Equal(reason, Match(line));

    [Fact]
    public void Words_are_found_between_curly_quotes_and_dashes()
    {
        Assert.Equal(ChromeVocabulary.Share, Match("\u201CShare this\u201D \u2014 with friends"));
        Assert.Equal(ChromeVocabulary.Newsletter, Match("\u2018Newsletter\u2019"));
    }

    [Theory]
    [InlineData("READ MORE", ChromeVocabulary.ReadMore)]
    [InlineData("Read more \u00BB", ChromeVocabulary.ReadMore)]
    [InlineData("\u00D7", ChromeVocabulary.Markup)]
    [InlineData("\u0427\u0438\u0442\u0430\u0439\u0442\u0435 \u0442\u0430\u043A\u0436\u0435: \u043D\u043E\u0432\u043E\u0441\u0442\u0438", ChromeVocabulary.ReadMore)]
    [InlineData("Advertisement \u2193", ChromeVocabulary.Advertisement)]
    [InlineData("R\u00E9sum\u00E9", null)]
    public void Whole_lines_and_beginnings_are_compared_lower_cased_whatever_their_letters(string line, string? reason) =>
        Assert.Equal(reason, Match(line));
}
