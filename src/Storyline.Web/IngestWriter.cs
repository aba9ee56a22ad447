using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Storyline.Store;

namespace Storyline.Web;

/// <summary>A page sent to <c>POST /api/ingest</c>: a file name (its extension says the format) and its bytes.</summary>
internal sealed record UploadedPage(string Name, byte[] Content);

/// <summary>What happened to one ingest request.</summary>
internal sealed class IngestJob
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public required string Id { get; init; }

    public required IReadOnlyList<UploadedPage> Pages { get; init; }

    /// <summary>queued, running, done or failed.</summary>
    public string State { get; set; } = "queued";

    public int PagesRead { get; set; }

    public int ArticlesAdded { get; set; }

    public int AlreadyStored { get; set; }

    public IReadOnlyList<string> AddedIds { get; set; } = [];

    public IReadOnlyList<string> Errors { get; set; } = [];

    public Task Completion => _done.Task;

    public void Finish() => _done.TrySetResult();
}

/// <summary>
/// The store's one writer: ingest requests queue here and run one at a time on a single connection, so SQLite never
/// sees two writers; readers keep reading the committed state through WAL meanwhile. Uploaded pages are kept in the
/// upload folder (the articles' origin points at them). Thread-safe.
/// </summary>
internal sealed class IngestWriter : IAsyncDisposable
{
    private const int KeptJobs = 200;
    private readonly Channel<IngestJob> _queue = Channel.CreateBounded<IngestJob>(new BoundedChannelOptions(32) { SingleReader = true });
    private readonly ConcurrentDictionary<string, IngestJob> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly WebOptions _options;
    private readonly StoreAccess _readers;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _sequence;

    public IngestWriter(WebOptions options, StoreAccess readers, ILogger log)
    {
        _options = options;
        _readers = readers;
        _log = log;
        _loop = Task.Run(RunAsync);
    }

    private string UploadFolder => _options.UploadFolder ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(_options.DbPath)) ?? ".", Path.GetFileNameWithoutExtension(_options.DbPath) + ".uploads");

    /// <summary>Queues the pages; false when the queue is full (the caller answers 503).</summary>
    public bool TryEnqueue(IReadOnlyList<UploadedPage> pages, out IngestJob job)
    {
        var n = Interlocked.Increment(ref _sequence);
        job = new IngestJob { Id = $"{DateTime.UtcNow:yyyyMMddHHmmss}-{n}", Pages = pages };
        if (!_queue.Writer.TryWrite(job))
        {
            return false;
        }

        _jobs[job.Id] = job;
        _order.Enqueue(job.Id);
        while (_order.Count > KeptJobs && _order.TryDequeue(out var old))
        {
            _jobs.TryRemove(old, out _);
        }

        return true;
    }

    public IngestJob? Job(string id) => _jobs.GetValueOrDefault(id);

    private async Task RunAsync()
    {
        SqliteStore? store = null;
        try
        {
            await foreach (var job in _queue.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                job.State = "running";
                try
                {
                    store ??= SqliteStore.Open(_options.DbPath);
                    var folder = Path.Combine(UploadFolder, job.Id);
                    Directory.CreateDirectory(folder);
                    for (var i = 0; i < job.Pages.Count; i++)
                    {
                        await File.WriteAllBytesAsync(Path.Combine(folder, UploadNames.Safe(i, job.Pages[i].Name)), job.Pages[i].Content, _stop.Token).ConfigureAwait(false);
                    }

                    var result = new Pipeline(new PipelineOptions { Parallelism = _options.IngestThreads }).Ingest([folder], store, cancellationToken: _stop.Token);
                    job.PagesRead = result.PagesRead;
                    job.ArticlesAdded = result.ArticlesAdded;
                    job.AlreadyStored = result.AlreadyStored;
                    job.AddedIds = [.. result.AddedIds];
                    job.Errors = [.. result.Errors.Select(e => $"{Path.GetFileName(e.Origin)}: {e.Reason}")];

                    // Readers see the new articles as soon as the job reports done.
                    _readers.Rebuild();
                    job.State = "done";
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _log.LogError(e, "ingest job {Job} failed", job.Id);
                    job.Errors = ["the ingest failed: " + e.GetType().Name];
                    job.State = "failed";
                }
                finally
                {
                    job.Finish();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            store?.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}

/// <summary>Upload file names made safe to write: no folders, no odd characters, a known page extension.</summary>
internal static class UploadNames
{
    private static readonly string[] Extensions = [".txt", ".html", ".htm", ".json", ".jsonl", ".txt.gz", ".html.gz", ".htm.gz", ".json.gz", ".jsonl.gz"];

    public static bool HasPageExtension(string name) => Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public static string Safe(int index, string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string([.. file.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]).TrimStart('.');
        if (clean.Length > 80)
        {
            clean = clean[^80..];
        }

        if (!HasPageExtension(clean))
        {
            clean += ".txt";
        }

        return $"{index:D4}-{clean}";
    }
}
