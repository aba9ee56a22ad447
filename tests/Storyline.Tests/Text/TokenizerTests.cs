using Storyline.Text;

namespace Storyline.Tests.Text;

public sealed class TokenizerTests
{
    private static string[] Words(string text) => [.. Tokenizer.Tokenize(text).Select(t => text.Substring(t.Start, t.Length))];

    [Theory]
    [InlineData("Sen. John Smith met U.S. officials on Feb. 11.", "Sen.|John|Smith|met|U.S.|officials|on|Feb.|11|.")]
    [InlineData("Russia's envoy didn't say.", "Russia|'s|envoy|did|n't|say|.")]
    [InlineData("Russia’s envoy", "Russia|’s|envoy")]
    [InlineData("Bashar al-Assad and O'Brien", "Bashar|al-Assad|and|O'Brien")]
    [InlineData("It cost $1,000.50 on 1996-08-30 at 10:04.", "It|cost|$|1,000.50|on|1996-08-30|at|10:04|.")]
    [InlineData("MOSCOW (Reuters) - The Kremlin said", "MOSCOW|(|Reuters|)|-|The|Kremlin|said")]
    [InlineData("Wait... what -- now?!", "Wait|...|what|--|now|?|!")]
    [InlineData("“Very dangerous,” he said", "“|Very|dangerous|,|”|he|said")]
    [InlineData("See https://example.com/a?b=1.", "See|https://example.com/a?b=1|.")]
    [InlineData("Mr. Smith and AT&T", "Mr.|Smith|and|AT&T")]
    public void Splits_news_text_like_the_treebank(string text, string expected) =>
        Assert.Equal(expected.Split('|'), Words(text));

    [Fact]
    public void Tokens_are_sorted_spans_inside_the_text_and_never_whitespace()
    {
        var random = new Random(7);
        const string Alphabet = "ab AB.,'’-—…\"“”()\n\t0123456789$%&ğ";
        for (var round = 0; round < 300; round++)
        {
            var chars = new char[random.Next(0, 60)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            var text = new string(chars);
            var previousEnd = 0;
            foreach (var t in Tokenizer.Tokenize(text))
            {
                Assert.True(t.Length > 0);
                Assert.True(t.Start >= previousEnd);
                Assert.True(t.End <= text.Length);
                Assert.False(string.IsNullOrWhiteSpace(text.Substring(t.Start, t.Length)));
                previousEnd = t.End;
            }
        }
    }
}
