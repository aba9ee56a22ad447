using Storyline.Store;

namespace Storyline.Tests.Store;

public class PipelineStoreTests
{
    private static readonly string[] Pages =
    [
        "Harbour strike enters third day\nDockworkers in Harbourton stayed off the job on Wednesday, the union said.\nThe port authority said 40 ships were waiting offshore.\n",
        "Flood waters recede in Lowmere\nResidents of Lowmere began returning home on Sunday as the river fell below its banks.\nOfficials said 12 people had died.\n",
        "Central bank holds rates\nThe Bank of Veltria kept its main rate at 4.25 percent on Thursday, citing sticky inflation.\n",
    ];

    private static string WriteCorpus(TempFolder dir)
    {
        for (var i = 0; i < Pages.Length; i++)
        {
            dir.Write($"corpus/page{i}.txt", Pages[i]);
        }

        dir.Write("corpus/bad/empty.txt", "");
        dir.Write("corpus/bad/picture.txt", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0 });
        dir.Write("corpus/bad/lines.jsonl", "{\"text\":\"Mining accident at Corran pit\\nRescuers reached 9 miners on Friday.\"}\n{broken\n");
        return dir.File("corpus");
    }

    [Fact]
    public void Bad_inputs_are_reported_and_every_good_page_is_stored()
    {
        using var dir = new TempFolder();
        var corpus = WriteCorpus(dir);
        using var store = SqliteStore.Open(dir.File("s.db"));
        var result = new Pipeline().Ingest([corpus], store);
        Assert.Equal(4, result.ArticlesAdded);
        Assert.Equal(4, store.ArticleCount);
        Assert.Equal(3, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Origin.EndsWith("empty.txt", StringComparison.Ordinal) && e.Reason == "empty file");
        Assert.Contains(result.Errors, e => e.Origin.EndsWith("picture.txt", StringComparison.Ordinal) && e.Reason.Contains("PNG", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Origin.EndsWith("lines.jsonl#2", StringComparison.Ordinal));
        Assert.Equal("ok", store.IntegrityCheck());
    }

    /// <summary>The default extractor, except that it fails on pages that mention Lowmere (a stand-in for a bug of ours that one page triggers).</summary>
    private sealed class FailsOnLowmere : Storyline.Extract.IPageExtractor
    {
        public void Observe(Storyline.Model.DecodedPage page, Storyline.Extract.LineStatistics statistics) =>
            Storyline.Extract.PageExtractors.Default.Observe(page, statistics);

        public Storyline.Model.Article Extract(Storyline.Model.DecodedPage page, Storyline.Extract.LineStatistics statistics, CancellationToken cancellationToken = default) =>
            page.Content.Contains("Lowmere", StringComparison.Ordinal)
                ? throw new IndexOutOfRangeException("Index was outside the bounds of the array.")
                : Storyline.Extract.PageExtractors.Default.Extract(page, statistics, cancellationToken);
    }

    [Fact]
    public void A_page_that_trips_a_fault_in_a_stage_is_reported_with_its_file_and_the_run_stores_the_rest()
    {
        using var dir = new TempFolder();
        var corpus = WriteCorpus(dir);
        using var store = SqliteStore.Open(dir.File("s.db"));
        var result = new Pipeline(new PipelineOptions { Extractor = new FailsOnLowmere() }).Ingest([corpus], store);
        Assert.Equal(3, result.ArticlesAdded);
        Assert.Equal(3, store.ArticleCount);
        var fault = Assert.Single(result.Errors, e => e.Origin.EndsWith("page1.txt", StringComparison.Ordinal));
        Assert.Contains("IndexOutOfRangeException", fault.Reason, StringComparison.Ordinal);
        Assert.Equal(4, result.Errors.Count);
        Assert.Equal("ok", store.IntegrityCheck());
    }

    [Fact]
    public void Re_ingesting_the_same_folder_adds_nothing()
    {
        using var dir = new TempFolder();
        var corpus = WriteCorpus(dir);
        var db = dir.File("s.db");
        using (var store = SqliteStore.Open(db))
        {
            new Pipeline().Ingest([corpus], store);
        }

        using (var store = SqliteStore.Open(db))
        {
            var again = new Pipeline().Ingest([corpus], store);
            Assert.Equal(0, again.ArticlesAdded);
            Assert.Equal(4, again.AlreadyStored);
            Assert.Equal(4, store.ArticleCount);
        }
    }

    [Fact]
    public void The_same_page_twice_in_one_run_is_stored_once()
    {
        using var dir = new TempFolder();
        dir.Write("a.txt", Pages[0]);
        dir.Write("b.txt", Pages[0].Replace("'", "\u2019", StringComparison.Ordinal) + "\n\n");
        using var store = SqliteStore.Open(":memory:");
        var result = new Pipeline().Ingest([dir.Path], store);
        Assert.Equal(1, result.ArticlesAdded);
        Assert.Equal(1, result.RepeatedInRun);
    }

    [Fact]
    public void Ids_and_stored_records_do_not_depend_on_the_thread_count()
    {
        using var dir = new TempFolder();
        var corpus = WriteCorpus(dir);
        string Snapshot(int threads)
        {
            using var store = SqliteStore.Open(":memory:");
            new Pipeline(new PipelineOptions { Parallelism = threads, BatchSize = 2 }).Ingest([corpus], store);
            return string.Join("\n", store.Articles().Select(a => System.Text.Json.JsonSerializer.Serialize(a, Storyline.Model.StorylineJson.Compact)))
                + string.Join("\n", store.Stories().Select(s => s.Id + ":" + string.Join(",", s.ArticleIds)));
        }

        Assert.Equal(Snapshot(1), Snapshot(4));
    }

    [Fact]
    public void Stored_articles_read_back_equal_to_what_was_written()
    {
        using var dir = new TempFolder();
        dir.Write("a.txt", Pages[1]);
        var db = dir.File("s.db");
        using var store = SqliteStore.Open(db);
        new Pipeline().Ingest([dir.Path], store);
        var article = Assert.Single(store.Articles());
        var again = store.GetArticle(article.Id[..6]);
        Assert.NotNull(again);
        Assert.Equal(article.Text, again.Text);
        Assert.Equal(article.Blocks.ToArray(), again.Blocks.ToArray());
        Assert.Equal(article.Paragraphs.ToArray(), again.Paragraphs.ToArray());
        Assert.Equal(SqliteStore.SchemaVersion, store.StoredSchemaVersion);
    }

    [Theory]
    [InlineData("Lowmere")]
    [InlineData("lowmere river")]
    [InlineData("\"Lowmere")]
    [InlineData("Lowmere'); DROP TABLE articles; --")]
    [InlineData("NEAR(Lowmere river) OR *")]
    public void Search_treats_the_query_as_words_only(string query)
    {
        using var dir = new TempFolder();
        var corpus = WriteCorpus(dir);
        using var store = SqliteStore.Open(":memory:");
        new Pipeline().Ingest([corpus], store);
        var hits = store.Search(query);
        Assert.Equal(4, store.ArticleCount);
        if (!query.Contains("DROP", StringComparison.Ordinal) && !query.Contains("NEAR", StringComparison.Ordinal))
        {
            Assert.Single(hits);
        }

        Assert.All(hits, h => Assert.Contains("Lowmere", h.Snippet, StringComparison.Ordinal));
    }

    [SharedFact]
    public void Seeds_go_in_as_five_articles_and_stay_five()
    {
        using var dir = new TempFolder();
        var db = dir.File("s.db");
        using var store = SqliteStore.Open(db);
        var first = new Pipeline().Ingest([SharedData.Seeds], store);
        Assert.Empty(first.Errors);
        Assert.Equal(5, first.ArticlesAdded);
        var second = new Pipeline().Ingest([SharedData.Seeds], store);
        Assert.Equal(0, second.ArticlesAdded);
        Assert.Equal(5, store.ArticleCount);
        Assert.NotEmpty(store.Search("Peskov"));
    }

    [SharedFact]
    public void A_crawl_stamp_page_date_contradicted_by_the_content_is_kept_and_flagged()
    {
        using var store = SqliteStore.Open(":memory:");
        new Pipeline().Ingest([SharedData.Seed("000")], store);
        var article = Assert.Single(store.Articles());
        Assert.Equal("2021-06-17", article.Date?.Day);
        Assert.Contains(article.Notes, n => n.Contains("contradicted by the content", StringComparison.Ordinal));
    }

    [SharedFact]
    public void Seeds_then_samples_into_one_store_give_the_sum()
    {
        using var dir = new TempFolder();
        using var store = SqliteStore.Open(dir.File("s.db"));
        var seeds = new Pipeline().Ingest([SharedData.Seeds], store);
        var samples = new Pipeline().Ingest([Path.Combine(SharedData.RepoRoot, "samples")], store);
        Assert.Equal(5, seeds.ArticlesAdded);
        Assert.Equal(26, samples.ArticlesAdded);
        Assert.Equal(31, store.ArticleCount);
        Assert.Equal("ok", store.IntegrityCheck());
    }

    [Fact]
    public void Regrouping_writes_the_links_and_stories_a_builder_keeping_everything_finds()
    {
        using var dir = new TempFolder();
        using var store = SamplesStore(dir);
        var builder = new Storyline.Stories.StoryBuilder();
        var articles = store.Articles().ToList();
        articles.ForEach(builder.Observe);
        articles.ForEach(a => builder.Add(a));
        Assert.NotEmpty(store.Links());
        Assert.Equal(builder.Links.Select(Show).Order(StringComparer.Ordinal), store.Links().Select(Show).Order(StringComparer.Ordinal));
        Assert.Equal(builder.Stories().Select(s => (s.Id, s.Label, string.Join(',', s.ArticleIds))), store.Stories().Select(s => (s.Id, s.Label, string.Join(',', s.ArticleIds))));
    }

    [Fact]
    public void A_story_rewrite_left_unfinished_changes_nothing()
    {
        using var dir = new TempFolder();
        using var store = SamplesStore(dir);
        var stories = store.Stories().Select(s => s.Id).ToList();
        var links = store.Links().Count;
        using (var rewrite = store.BeginStoryRewrite())
        {
            rewrite.AddLinks([]);
        }

        Assert.Equal(stories, store.Stories().Select(s => s.Id));
        Assert.Equal(links, store.Links().Count);
        Assert.Equal("ok", store.IntegrityCheck());
    }

    [Fact]
    public void Links_among_a_story_are_its_members_links_in_store_order()
    {
        using var dir = new TempFolder();
        using var store = SamplesStore(dir);
        foreach (var story in store.Stories())
        {
            var members = story.ArticleIds.ToHashSet(StringComparer.Ordinal);
            var expected = store.Links().Where(l => members.Contains(l.A) && members.Contains(l.B)).Select(Show);
            Assert.Equal(expected, store.LinksAmong(story.ArticleIds).Select(Show));
        }

        Assert.Contains(store.Stories(), s => store.LinksAmong(s.ArticleIds).Count > 0);
    }

    /// <summary>A store holding the samples, ingested as `analyze samples` does.</summary>
    private static SqliteStore SamplesStore(TempFolder dir)
    {
        var store = SqliteStore.Open(dir.File("s.db"));
        new Pipeline().Ingest([Path.Combine(SharedData.RepoRoot, "samples")], store);
        return store;
    }

    private static string Show(Storyline.Model.ArticleLink l) => $"{l.A} {l.B} {l.Kind} {l.Similarity} {string.Join(',', l.SharedParagraphs)}";
}
