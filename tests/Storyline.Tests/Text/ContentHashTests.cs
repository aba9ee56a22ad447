using Storyline.Text;

namespace Storyline.Tests.Text;

public class ContentHashTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Plain words only")]
    [InlineData("  leading and trailing  \n\n")]
    [InlineData("\u201CCurly\u201D quotes \u2018and\u2019 dashes \u2014 \u2013 and\u2026 an ellipsis")]
    [InlineData("zero\u200Bwidth\uFEFF and\u00A0odd\u2009spaces\u3000and\u2028lines")]
    [InlineData("\u2026 starts with an ellipsis")]
    [InlineData("\u200B\u200B")]
    [InlineData("tab\tand\r\nnewlines  \u2002 run")]
    public void Article_id_is_the_hash_of_the_normalised_text(string text) =>
        Assert.Equal(ContentHash.Hex(ContentHash.Hash64(TextNormalizer.Normalize(text))), ContentHash.ArticleId(text));

    [Fact]
    public void Article_id_matches_the_normalised_hash_on_random_typography()
    {
        var random = new Random(7);
        const string alphabet = "ab Z9 .\u2019\u201C\u2014\u2026\u00A0\u200B\uFEFF\t\n\u2009\u0085\u3000\u2028";
        for (var round = 0; round < 500; round++)
        {
            var chars = new char[random.Next(0, 60)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            Assert.Equal(ContentHash.Hex(ContentHash.Hash64(TextNormalizer.Normalize(text))), ContentHash.ArticleId(text));
        }
    }
}

public class StripDiacriticsTests
{
    [Theory]
    [InlineData("Erdoğan", "Erdogan")]
    [InlineData("Çavuşoğlu", "Cavusoglu")]
    [InlineData("emoji 😀 kept", "emoji 😀 kept")]
    public void Diacritics_go_and_other_text_stays(string text, string expected) =>
        Assert.Equal(expected, Storyline.Text.TextNormalizer.StripDiacritics(text));

    [Fact]
    public void A_lone_surrogate_cut_by_a_crawler_does_not_throw()
    {
        var text = "Erdoğan \uD83D said";
        Assert.Equal(text, Storyline.Text.TextNormalizer.StripDiacritics(text));
        Assert.NotEmpty(Storyline.Entities.EntityResolver.Default.Resolve([new Storyline.Model.Article { Id = "0000000000000001", Origin = "x.txt", Text = "Recep Tayyip Erdoğan \uD83D met Vladimir Putin in Sochi." }]));
    }
}
