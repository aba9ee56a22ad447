using System.Collections.Concurrent;
using Storyline.Model;
using Storyline.Store;

namespace Storyline.Web;

/// <summary>One story as the list shows it.</summary>
internal sealed record StorySummary(string Id, string Label, int ArticleCount, string? FirstDate, string? LastDate, IReadOnlyList<string> Outlets);

/// <summary>
/// What the list pages need from the store, read once per store change: stories with their members and dates, and
/// every article's listing fields. Immutable; shared by all requests until the store changes.
/// </summary>
internal sealed class StoreSnapshot
{
    private readonly ILookup<string, ArticleLink> _linksByArticle;

    public StoreSnapshot(long version, IReadOnlyList<Story> stories, IReadOnlyList<ArticleBrief> articles, IReadOnlyList<ArticleLink> links)
    {
        Version = version;
        _linksByArticle = links.ToLookup(l => l.A, StringComparer.Ordinal);
        Articles = articles;
        ArticlesById = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var storyOf = new Dictionary<string, Story>(StringComparer.Ordinal);
        var summaries = new List<StorySummary>(stories.Count);
        foreach (var story in stories)
        {
            var members = story.ArticleIds.Select(id => ArticlesById.GetValueOrDefault(id)).OfType<ArticleBrief>().ToList();
            foreach (var id in story.ArticleIds)
            {
                storyOf[id] = story;
            }

            var dates = members.Select(m => m.Date).OfType<string>().Order(StringComparer.Ordinal).ToList();
            summaries.Add(new StorySummary(
                story.Id,
                story.Label,
                story.ArticleIds.Length,
                dates.FirstOrDefault(),
                dates.LastOrDefault(),
                [.. members.Select(m => m.Outlet).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]));
        }

        StoryOfArticle = storyOf;
        StoriesById = stories.ToDictionary(s => s.Id, StringComparer.Ordinal);

        // Newest first: the story list opens on what happened last; undated stories keep store order at the end.
        Stories = [.. summaries.Select((s, i) => (s, i)).OrderByDescending(t => t.s.LastDate ?? "", StringComparer.Ordinal).ThenBy(t => t.i).Select(t => t.s)];
        Outlets = [.. articles.Select(a => a.Outlet).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public long Version { get; }

    /// <summary>The copy links whose two articles are both among <paramref name="ids"/>.</summary>
    public IReadOnlyList<ArticleLink> LinksAmong(IReadOnlyCollection<string> ids)
    {
        var members = ids.ToHashSet(StringComparer.Ordinal);
        return [.. ids.SelectMany(id => _linksByArticle[id]).Where(l => members.Contains(l.B))];
    }

    public IReadOnlyList<StorySummary> Stories { get; }

    public IReadOnlyDictionary<string, Story> StoriesById { get; }

    public IReadOnlyList<ArticleBrief> Articles { get; }

    public IReadOnlyDictionary<string, ArticleBrief> ArticlesById { get; }

    public IReadOnlyDictionary<string, Story> StoryOfArticle { get; }

    public IReadOnlyList<string> Outlets { get; }
}

/// <summary>
/// Readers of the store: a small pool of connections (SQLite WAL lets them read while the one writer commits) and
/// the current <see cref="StoreSnapshot"/>. When another connection commits, requests keep being served from the
/// previous snapshot while one background rebuild reads the new one, so a running ingest never makes readers wait.
/// Thread-safe.
/// </summary>
internal sealed class StoreAccess : IDisposable
{
    private readonly string _path;
    private readonly int _poolSize;
    private readonly ConcurrentBag<SqliteStore> _idle = [];
    private readonly SqliteStore _watcher;
    private readonly Lock _watchLock = new();
    private readonly Lock _buildLock = new();
    private StoreSnapshot? _snapshot;
    private int _rebuilding;
    private bool _disposed;

    public StoreAccess(string path, int poolSize)
    {
        _path = path;
        _poolSize = Math.Max(1, poolSize);
        _watcher = SqliteStore.Open(path);
    }

    /// <summary>Runs a read on a pooled connection.</summary>
    public T Read<T>(Func<SqliteStore, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var store = _idle.TryTake(out var idle) ? idle : SqliteStore.Open(_path);
        try
        {
            return read(store);
        }
        finally
        {
            if (_disposed || _idle.Count >= _poolSize)
            {
                store.Dispose();
            }
            else
            {
                _idle.Add(store);
            }
        }
    }

    /// <summary>The newest snapshot read; a stale one (with a rebuild under way) while the store is changing.</summary>
    public StoreSnapshot Snapshot()
    {
        var current = Volatile.Read(ref _snapshot);
        if (current is null)
        {
            return Rebuild();
        }

        if (current.Version != CurrentVersion() && Interlocked.CompareExchange(ref _rebuilding, 1, 0) == 0)
        {
            _ = Task.Run(() =>
            {
                try
                {
                    Rebuild();
                }
                finally
                {
                    Volatile.Write(ref _rebuilding, 0);
                }
            });
        }

        return current;
    }

    /// <summary>Reads a fresh snapshot now (after the writer committed, so its caller sees its own writes).</summary>
    public StoreSnapshot Rebuild()
    {
        lock (_buildLock)
        {
            // The version is read before the data: a commit landing mid-read leaves the snapshot marked older, so the
            // next request rebuilds again rather than keeping a half-new view.
            var version = CurrentVersion();
            var current = Volatile.Read(ref _snapshot);
            if (current is not null && current.Version == version)
            {
                return current;
            }

            var snapshot = Read(store => new StoreSnapshot(version, store.Stories(), store.ListArticleBriefs(), store.Links()));
            Volatile.Write(ref _snapshot, snapshot);
            return snapshot;
        }
    }

    private long CurrentVersion()
    {
        lock (_watchLock)
        {
            return _watcher.DataVersion;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        lock (_watchLock)
        {
            _watcher.Dispose();
        }

        while (_idle.TryTake(out var store))
        {
            store.Dispose();
        }
    }
}
