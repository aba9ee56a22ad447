using Storyline.Text;

namespace Storyline.Tests;

public class TextNormalizerTests
{
    [Fact]
    public void Curly_and_straight_quotes_fold_to_the_same_text()
    {
        Assert.Equal(TextNormalizer.Normalize("“We consider,” he said — Moscow’s"), TextNormalizer.Normalize("\"We consider,\" he said - Moscow's"));
    }
}
