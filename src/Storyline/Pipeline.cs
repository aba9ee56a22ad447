using System.Diagnostics;
using Storyline.Extract;
using Storyline.Ingest;
using Storyline.Model;
using Storyline.Store;
using Storyline.Stories;
using Storyline.Text;

namespace Storyline;

/// <summary>Options of a pipeline run; set once, then the pipeline is immutable.</summary>
public sealed record PipelineOptions
{
    public IngestOptions Ingest { get; init; } = new();

    public IPageExtractor Extractor { get; init; } = PageExtractors.Default;

    /// <summary>Threads for the per-page stages; output is identical whatever the number.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Articles written per transaction.</summary>
    public int BatchSize { get; init; } = 256;
}

/// <summary>What a run did: counts, and every input that could not be read with its reason.</summary>
public sealed class IngestResult
{
    public int PagesRead { get; internal set; }

    public int ArticlesAdded { get; internal set; }

    /// <summary>Pages whose content id was already in the store (re-ingested, or resumed after an interruption).</summary>
    public int AlreadyStored { get; internal set; }

    /// <summary>Pages that repeated another page of the same run byte for byte (after typography folding).</summary>
    public int RepeatedInRun { get; internal set; }

    public List<IngestError> Errors { get; } = [];

    /// <summary>Pages read with a repair (e.g. malformed UTF-8 replaced); they are stored.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Files in folders passed over because they are not pages (.md, images, ...).</summary>
    public List<string> Skipped { get; } = [];

    /// <summary>Records of archives and feeds passed over on purpose, counted by reason ("HTTP status 404", "not HTML (image/jpeg)").</summary>
    public SortedDictionary<string, int> SkippedRecords { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids of the articles this run added, in input order.</summary>
    public List<string> AddedIds { get; } = [];

    /// <summary>Wall-clock seconds spent in each stage ("read", "observe", "extract", "store", "stories").</summary>
    public SortedDictionary<string, double> StageSeconds { get; } = new(StringComparer.Ordinal);

    internal void Time(string stage, Stopwatch watch)
    {
        StageSeconds[stage] = StageSeconds.GetValueOrDefault(stage) + watch.Elapsed.TotalSeconds;
        watch.Restart();
    }
}

/// <summary>
/// Wires the stages: read → decode → extract (two passes, so repetition across the corpus is learned first)
/// → store → stories. Per-page stages run in parallel in fixed-size chunks whose results are written in input
/// order, so the store and every output are the same whatever the thread count. Immutable; one run at a time
/// per store.
/// </summary>
public sealed class Pipeline(PipelineOptions? options = null)
{
    private readonly PipelineOptions _options = options ?? new PipelineOptions();

    /// <summary>Reads the paths into the store, then regroups the store's stories.</summary>
    public IngestResult Ingest(IEnumerable<string> paths, SqliteStore store, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var pathList = paths.ToList();
        var source = new PageSource(_options.Ingest);
        return Ingest(onSkipped => source.Read(pathList, onSkipped), store, progress, cancellationToken);
    }

    /// <summary>
    /// Reads the items <paramref name="read"/> gives into the store, then regroups the store's stories. The items are
    /// read twice (the first pass learns repetition across pages), so <paramref name="read"/> must give the same
    /// items each time; it is handed a callback for files passed over on the first pass, and null on the second.
    /// </summary>
    public IngestResult Ingest(Func<Action<string>?, IEnumerable<SourceItem>> read, SqliteStore store, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(store);
        var result = new IngestResult();
        var watch = Stopwatch.StartNew();
        StorePages(read, store, result, watch, progress, cancellationToken);

        // What the pages stage held (line statistics, ids, parsed pages) is garbage once it returns. Collected and
        // given back now, so that the stories stage grows into that room instead of the process holding both (200k
        // bench articles: peak 1,423 MB before, 966 MB with this and the collector's ConserveMemory setting).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        RegroupStories(store, _options.Parallelism);
        result.Time("stories", watch);
        return result;
    }

    /// <summary>The pages stage: reads, extracts and stores the new pages, in input order.</summary>
    private void StorePages(Func<Action<string>?, IEnumerable<SourceItem>> read, SqliteStore store, IngestResult result, Stopwatch watch, Action<string>? progress, CancellationToken cancellationToken)
    {

        // Pass one: learn which lines repeat across the new pages, and note every input that fails.
        var added = new LineStatistics();
        var toExtract = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in Decoded(read(result.Skipped.Add), result, reportProblems: true).Chunk(64))
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Time("read", watch);
            var fresh = new List<DecodedPage>();
            foreach (var (page, id) in chunk)
            {
                result.PagesRead++;
                if (store.Contains(id))
                {
                    result.AlreadyStored++;
                }
                else if (!toExtract.Add(id))
                {
                    result.RepeatedInRun++;
                }
                else
                {
                    fresh.Add(page);
                }
            }

            Parallel.ForEach(fresh, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken }, page => _options.Extractor.Observe(page, added));
            progress?.Invoke($"read {result.PagesRead} pages");
            result.Time("observe", watch);
        }

        var statistics = store.LoadLineStatistics();
        statistics.MergeFrom(added);
        result.Time("observe", watch);

        // Pass two: extract the new pages against what the whole corpus shows, and store them in input order. A full
        // batch is written on another thread while the next pages are extracted (one batch in flight, so batches land
        // in order); the cores need not wait for the disk.
        var batch = new List<Article>(_options.BatchSize);
        var done = new HashSet<string>(StringComparer.Ordinal);
        Task<(int Added, Article[] Batch)>? writing = null;
        void AwaitWrite()
        {
            if (writing is not null)
            {
                var (added, written) = writing.GetAwaiter().GetResult();
                writing = null;
                result.ArticlesAdded += added;
                result.AddedIds.AddRange(written.Select(a => a.Id));
            }
        }

        try
        {
            foreach (var chunk in Decoded(read(null), result, reportProblems: false).Chunk(64))
            {
                result.Time("read", watch);
                var work = chunk.Where(t => toExtract.Contains(t.Id) && done.Add(t.Id)).ToArray();
                var articles = new Article?[work.Length];
                var failures = new string?[work.Length];
                Parallel.For(0, work.Length, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken }, i =>
                {
                    // A fault of ours on one page must not end the run: that page is reported and the rest go on.
                    try
                    {
                        articles[i] = TagNames(CheckDates(_options.Extractor.Extract(work[i].Page, statistics, cancellationToken) with { Id = work[i].Id }));
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        failures[i] = $"internal error while extracting ({e.GetType().Name}: {e.Message}); please report it with this page";
                    }
                });
                for (var i = 0; i < work.Length; i++)
                {
                    if (articles[i] is { } article)
                    {
                        batch.Add(article);
                    }
                    else if (failures[i] is { } reason)
                    {
                        result.Errors.Add(new IngestError(work[i].Page.Raw.Origin, reason));
                    }
                }

                result.Time("extract", watch);
                if (batch.Count >= _options.BatchSize)
                {
                    AwaitWrite();
                    var full = batch.ToArray();
                    batch.Clear();
                    writing = Task.Run(() => (store.AddArticles(full), full));
                    result.Time("store", watch);
                    progress?.Invoke($"stored {result.ArticlesAdded} new articles");
                }

                progress?.Invoke($"extracted {result.ArticlesAdded + batch.Count} articles");
            }

            AwaitWrite();
        }
        finally
        {
            // On a failure, the batch in flight still lands whole (or not at all) before the caller closes the store.
            if (writing is not null)
            {
                try
                {
                    writing.Wait(CancellationToken.None);
                }
                catch (AggregateException)
                {
                    // The failure that ended the run is the one to report.
                }
            }
        }

        Flush(store, batch, result);
        store.AddLineStatistics(added);
        result.Time("store", watch);
    }

    /// <summary>
    /// Recomputes the store's links and stories from every stored article, in the order they were stored, so the
    /// result is the same however the articles arrived in batches. Links are written as they are found, in the
    /// same transaction as the stories, so memory does not grow with them. (Costs a pass over the store per run;
    /// the story builder itself is incremental, and keeping its state in the store is the next step for scale.)
    /// Articles are decoded and prepared (names, terms, fingerprints) a chunk ahead on the other cores while one
    /// thread observes and adds them in order, so the result is the same on any number of threads.
    /// </summary>
    public static void RegroupStories(SqliteStore store, int parallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(store);
        parallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount;
        var builder = new StoryBuilder(new StoryOptions { Parallelism = parallelism }, keepHistory: false);
        foreach (var chunk in Prepared(store, builder, parallelism, forAdding: false))
        {
            foreach (var article in chunk)
            {
                builder.Observe(article);
            }
        }

        var excluded = new List<(string Id, string Reason)>();
        using var rewrite = store.BeginStoryRewrite();
        foreach (var chunk in Prepared(store, builder, parallelism, forAdding: true))
        {
            foreach (var article in chunk)
            {
                var assignment = builder.Add(article);
                rewrite.AddLinks(assignment.Links);
                if (assignment.ExcludedReason is not null)
                {
                    excluded.Add((article.Article.Id, assignment.ExcludedReason));
                }
            }
        }

        builder.Settle();
        rewrite.Finish(builder.Stories(), excluded);
    }

    /// <summary>The store's articles prepared for the builder in chunks, the next chunk prepared on other threads while the caller works on this one.</summary>
    private static IEnumerable<PreparedArticle[]> Prepared(SqliteStore store, StoryBuilder builder, int parallelism, bool forAdding)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        PreparedArticle[] Prepare(string[] records)
        {
            var prepared = new PreparedArticle[records.Length];
            Parallel.For(0, records.Length, options, i => prepared[i] = builder.Prepare(SqliteStore.Decode(records[i]), forAdding));
            return prepared;
        }

        Task<PreparedArticle[]>? ahead = null;
        // Small chunks: a prepared article's term table lives only until it is added, so it dies young instead of
        // being promoted and fragmenting the old generation (100k bench articles: peak 1,165 MB at 512, 818 MB at 48).
        foreach (var records in store.ArticleRecords(48))
        {
            // The store is read on this thread only; decoding and preparing run on the pool.
            var next = parallelism > 1 ? Task.Run(() => Prepare(records)) : Task.FromResult(Prepare(records));
            if (ahead is not null)
            {
                yield return ahead.GetAwaiter().GetResult();
            }

            ahead = next;
        }

        if (ahead is not null)
        {
            yield return ahead.GetAwaiter().GetResult();
        }
    }

    /// <summary>Says so in the article's notes when its page date is contradicted by what the content dates (a crawl stamp over older events); both stay on record.</summary>
    /// <summary>The article's names tagged once, on the ingest's cores, so composing a story does not tag it again.</summary>
    private static Article TagNames(Article article) =>
        article with { Names = [.. Entities.NerTagger.Default.Recognize(article.Text).Select(m => new NameSpan(m.Start, m.Length, Entities.NerLabels.Code(m.Type)))] };

    private static Article CheckDates(Article article)
    {
        if (article.Date is null)
        {
            return article;
        }

        var dating = Time.ArticleDates.Analyze(article);
        return dating.PageDateContradicted && dating.Note is { } note && !article.Notes.Contains(note)
            ? article with { Notes = article.Notes.Add(note) }
            : article;
    }

    private static void Flush(SqliteStore store, List<Article> batch, IngestResult result)
    {
        if (batch.Count == 0)
        {
            return;
        }

        result.ArticlesAdded += store.AddArticles(batch);
        result.AddedIds.AddRange(batch.Select(a => a.Id));
        batch.Clear();
    }

    private static IEnumerable<(DecodedPage Page, string Id)> Decoded(IEnumerable<SourceItem> items, IngestResult result, bool reportProblems)
    {
        foreach (var item in items)
        {
            if (item.Skipped is { } reason)
            {
                if (reportProblems)
                {
                    result.SkippedRecords[reason] = result.SkippedRecords.GetValueOrDefault(reason) + 1;
                }

                continue;
            }

            if (item.Error is not null)
            {
                if (reportProblems)
                {
                    result.Errors.Add(item.Error);
                }

                continue;
            }

            var (page, error, warning) = PageDecoder.Decode(item.Page!);
            if (reportProblems && error is not null)
            {
                result.Errors.Add(error);
            }

            if (reportProblems && warning is not null)
            {
                result.Warnings.Add(warning);
            }

            if (page is not null)
            {
                yield return (page, ContentHash.ArticleId(page.Content));
            }
        }
    }
}
