using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Storyline.Cli.Commands;

internal sealed record LoadOptions(Uri BaseUri, int Seconds, int MaxRequests, int Concurrency, int Stories, string? IngestFolder, int Batch, int WarmSeconds);

/// <summary>What a load run measured; latencies in milliseconds.</summary>
internal sealed record LoadReport(
    int Articles,
    int StoriesCycled,
    int Requests,
    int Errors,
    double Seconds,
    double RequestsPerSecond,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    double FirstViewP99Ms,
    double RepeatP99Ms,
    int IngestRequests,
    int IngestErrors,
    int ArticlesIngested)
{
    public string ToText() => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        store: {Articles:N0} articles; cycled through {StoriesCycled} stories
        story pages: {Requests:N0} requests in {Seconds:F1} s = {RequestsPerSecond:N0}/s, {Errors} errors
        latency ms: p50 {P50Ms:F1}  p90 {P90Ms:F1}  p99 {P99Ms:F1}  max {MaxMs:F1}
          first view of a story p99 {FirstViewP99Ms:F1}; repeat views p99 {RepeatP99Ms:F1}
        live ingest meanwhile: {IngestRequests} requests, {ArticlesIngested:N0} new articles, {IngestErrors} errors
        """);
}

/// <summary>The load client of <c>storyline serve-bench</c>: bounded in time and count, loopback only.</summary>
internal static class LoadClient
{
    public static async Task<LoadReport> RunAsync(LoadOptions options, Action<string> info, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency + 1, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = options.BaseUri,
            Timeout = TimeSpan.FromMinutes(10),
        };

        // The server composes story views in the background after it starts; optionally wait (bounded) until it has.
        var warm = Stopwatch.StartNew();
        while (true)
        {
            using var s = JsonDocument.Parse(await http.GetStringAsync("/api/status", cancellationToken).ConfigureAwait(false));
            var (ready, total) = (s.RootElement.GetProperty("story_views_ready").GetInt32(), s.RootElement.GetProperty("stories").GetInt32());
            if (ready >= total || warm.Elapsed.TotalSeconds >= options.WarmSeconds)
            {
                info($"story views ready: {ready} of {total} after {warm.Elapsed.TotalSeconds:F0} s");
                break;
            }

            await Task.Delay(1000, cancellationToken).ConfigureAwait(false);
        }

        using var status = JsonDocument.Parse(await http.GetStringAsync("/api/status", cancellationToken).ConfigureAwait(false));
        var articles = status.RootElement.GetProperty("articles").GetInt32();
        var ids = new List<string>();
        for (var page = 1; ids.Count < options.Stories; page++)
        {
            using var list = JsonDocument.Parse(await http.GetStringAsync($"/api/stories?page_size=100&page={page}", cancellationToken).ConfigureAwait(false));
            var items = list.RootElement.GetProperty("items");
            if (items.GetArrayLength() == 0)
            {
                break;
            }

            ids.AddRange(items.EnumerateArray().Select(i => i.GetProperty("id").GetString()!).Take(options.Stories - ids.Count));
        }

        if (ids.Count == 0)
        {
            throw new HttpRequestException("the server has no stories to load");
        }

        info($"{articles:N0} articles stored; loading {ids.Count} story pages with {options.Concurrency} workers for up to {options.Seconds} s{(options.IngestFolder is null ? "" : " while ingesting " + options.IngestFolder)}");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(options.Seconds));
        var first = new List<double>();
        var repeat = new List<double>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var gate = new Lock();
        var errors = 0;
        var issued = 0;
        var next = -1;
        var ingest = options.IngestFolder is null ? Task.FromResult((0, 0, 0)) : IngestAsync(http, options, deadline.Token);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            while (!deadline.IsCancellationRequested && Interlocked.Increment(ref issued) <= options.MaxRequests)
            {
                var id = ids[(int)((uint)Interlocked.Increment(ref next) % (uint)ids.Count)];
                var watch = Stopwatch.StartNew();
                try
                {
                    using var response = await http.GetAsync("/api/stories/" + id + "?copies=200", HttpCompletionOption.ResponseContentRead, CancellationToken.None).ConfigureAwait(false);
                    var ms = watch.Elapsed.TotalMilliseconds;
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                        continue;
                    }

                    lock (gate)
                    {
                        (seen.Add(id) ? first : repeat).Add(ms);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToList();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = clock.Elapsed.TotalSeconds;
        var (ingestRequests, ingestErrors, ingested) = await ingest.ConfigureAwait(false);
        var all = first.Concat(repeat).Order().ToArray();
        return new LoadReport(
            articles,
            ids.Count,
            all.Length + errors,
            errors,
            Math.Round(elapsed, 1),
            Math.Round(all.Length / elapsed, 1),
            Percentile(all, 0.50),
            Percentile(all, 0.90),
            Percentile(all, 0.99),
            Math.Round(all.LastOrDefault(), 1),
            Percentile([.. first.Order()], 0.99),
            Percentile([.. repeat.Order()], 0.99),
            ingestRequests,
            ingestErrors,
            ingested);
    }

    /// <summary>
    /// Posts the folder's pages in batches until they run out or time is up, one request at a time (the server has one
    /// writer): .txt and .html files one page each, JSON Lines files (as `storyline bench` writes them) a batch of lines each.
    /// </summary>
    private static async Task<(int Requests, int Errors, int Added)> IngestAsync(HttpClient http, LoadOptions options, CancellationToken token)
    {
        var (requests, errors, added) = (0, 0, 0);
        foreach (var pages in Batches(options.IngestFolder!, options.Batch))
        {
            if (token.IsCancellationRequested)
            {
                break;
            }

            requests++;
            try
            {
                using var response = await http.PostAsync("/api/ingest?wait=true", JsonContent.Create(new { pages }), CancellationToken.None).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    errors++;
                    continue;
                }

                using var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None).ConfigureAwait(false));
                added += job.RootElement.GetProperty("articles_added").GetInt32();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                errors++;
            }
        }

        return (requests, errors, added);
    }

    private static IEnumerable<List<UploadPage>> Batches(string folder, int size)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var pages = files.Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
            .Select(f => new UploadPage(Path.GetFileName(f), File.ReadAllText(f)));
        foreach (var chunk in pages.Chunk(size))
        {
            yield return [.. chunk];
        }

        var n = 0;
        foreach (var file in files.Where(f => f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase)))
        {
            using var raw = File.OpenRead(file);
            using Stream stream = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new System.IO.Compression.GZipStream(raw, System.IO.Compression.CompressionMode.Decompress) : raw;
            using var reader = new StreamReader(stream);
            var lines = new List<string>(size);
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                lines.Add(line);
                if (lines.Count == size)
                {
                    yield return [new UploadPage($"batch-{n++}.jsonl", string.Join('\n', lines))];
                    lines.Clear();
                }
            }

            if (lines.Count > 0)
            {
                yield return [new UploadPage($"batch-{n++}.jsonl", string.Join('\n', lines))];
            }
        }
    }

    private sealed record UploadPage(string Name, string Content);

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)], 1);
}
