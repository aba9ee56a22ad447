using Storyline.Dedup;

namespace Storyline.Tests.Dedup;

public class PostingListsTests
{
    [Fact]
    public void Each_key_gives_back_its_values_in_the_order_added_through_the_table_growing()
    {
        // Keys 0..19,999 (0 included: an empty slot is not a zero key); key k gets k % 4 + 1 values, interleaved.
        var lists = new PostingLists<ulong>();
        var expected = new Dictionary<ulong, List<int>>();
        var value = 0;
        for (var round = 0; round < 4; round++)
        {
            for (ulong key = 0; key < 20_000; key++)
            {
                if ((int)(key % 4) >= round)
                {
                    lists.Add(key * 0x1000, value);
                    (expected.TryGetValue(key * 0x1000, out var list) ? list : expected[key * 0x1000] = []).Add(value);
                    value++;
                }
            }
        }

        foreach (var (key, values) in expected)
        {
            Assert.Equal(values.Count, lists.Count(key));
            var got = new List<int>();
            foreach (var v in lists.Get(key))
            {
                got.Add(v);
            }

            Assert.Equal(values, got);
        }

        Assert.Equal(0, lists.Count(12345));
        Assert.False(lists.Get(12345).MoveNext());
    }

    [Fact]
    public void Indexed_articles_map_paragraph_numbers_back_to_the_article_past_articles_without_paragraphs()
    {
        var articles = new IndexedArticles(4);
        var counts = new[] { 3, 0, 0, 2, 0, 5, 1, 0 };
        for (var i = 0; i < counts.Length; i++)
        {
            Assert.Equal(i, articles.Add($"a{i}", 10 + i, 5 + i, null, counts[i], [(uint)i, 1, 2, 3]));
        }

        for (var i = 0; i < counts.Length; i++)
        {
            Assert.Equal(counts[i], articles.ParagraphCount(i));
            Assert.Equal(i, articles.IndexOf($"a{i}"));
            Assert.Equal((ushort)i, articles.Signature(i)[0]);
            for (var p = 0; p < counts[i]; p++)
            {
                Assert.Equal((i, p), articles.FromParagraphNumber(articles.ParagraphNumber(i, p)));
            }
        }

        Assert.Equal(-1, articles.IndexOf("a8"));
    }
}
