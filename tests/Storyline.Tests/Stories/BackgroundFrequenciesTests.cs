using Storyline.Stories;

namespace Storyline.Tests.Stories;

public class BackgroundFrequenciesTests
{
    [Fact]
    public void A_built_table_reads_back_with_the_document_counts_of_its_terms()
    {
        var path = Path.Combine(Path.GetTempPath(), "storyline-bg-" + Guid.NewGuid().ToString("N") + ".jsonl");
        File.WriteAllLines(path,
        [
            """{"title":"Bridge tolls rise","text":"The council raised bridge tolls again."}""",
            """{"text":"Commuters said the bridges were crowded, and 3pm traffic was the worst."}""",
            """{"text":"The orchestra played a new symphony."}""",
        ]);
        try
        {
            using var table = new MemoryStream();
            var (documents, terms) = BackgroundFrequencies.Build([path], table);
            table.Position = 0;
            var read = BackgroundFrequencies.Read(table);

            Assert.Equal(3, documents);
            Assert.Equal(3, read.Documents);
            // Only "bridge" (plural folded) is in two documents; terms in one document are left out.
            Assert.Equal(1, terms);
            Assert.Equal(2, read.Count("bridge"));
            Assert.Equal(0, read.Count("symphony"));
            Assert.Equal(0, read.Count("3pm"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_library_carries_a_background_where_common_news_words_outnumber_rare_ones()
    {
        var embedded = BackgroundFrequencies.Embedded;
        Assert.True(embedded.Documents > 1000);
        Assert.True(embedded.Count("government") > embedded.Count("smelter"));
    }
}
