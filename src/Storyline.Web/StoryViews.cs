using System.Text.Json;
using System.Text.Json.Nodes;
using Storyline.Compose;
using Storyline.Model;

namespace Storyline.Web;

/// <summary>
/// Composed story views, one per story, kept until the story's members change. When they do (a live ingest added an
/// article), readers keep getting the previous view while one background task composes the new one, so an ingest
/// never makes a reader wait for a composition; only a story's very first view is composed while its reader waits.
/// Thread-safe.
/// </summary>
internal sealed class StoryViews
{
    private const int MaxStories = 512;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The view's JSON, with at most <paramref name="copies"/> copy links when given (and <c>copies_total</c> then).</summary>
    public byte[] Json(Story story, Func<StoryView> compose, int? copies)
    {
        var built = Get(story, compose);
        return copies is not { } n || built.View.Copies.Length <= n ? built.Full : built.Trimmed.GetOrAdd(n, _ => Trim(built.View, n));
    }

    /// <summary>Composes the story's view now unless a current one is kept (the warmer's call, on its own thread).</summary>
    public void Warm(Story story, Func<StoryView> compose)
    {
        var key = string.Join(',', story.ArticleIds);
        Entry? stale = null;
        lock (_gate)
        {
            if (_entries.TryGetValue(story.Id, out var entry))
            {
                if (entry.Key == key || entry.PendingKey == key || !entry.Ready)
                {
                    return;
                }

                entry.PendingKey = key;
                stale = entry;
            }
        }

        if (stale is null)
        {
            Get(story, compose);
        }
        else
        {
            Refresh(story.Id, stale, key, compose);
        }
    }

    /// <summary>How many of these stories have a view kept for their current members.</summary>
    public int ReadyCount(IEnumerable<Story> stories)
    {
        lock (_gate)
        {
            return stories.Count(s => _entries.TryGetValue(s.Id, out var e) && e.Ready && e.Key == string.Join(',', s.ArticleIds));
        }
    }

    private Built Get(Story story, Func<StoryView> compose)
    {
        // Articles never change (an id is its content), so the same members make the same view.
        var key = string.Join(',', story.ArticleIds);
        Entry entry;
        var refresh = false;
        lock (_gate)
        {
            if (!_entries.TryGetValue(story.Id, out entry!) || (entry.Key != key && !entry.Ready))
            {
                if (_entries.Count >= MaxStories)
                {
                    _entries.Clear();
                }

                entry = new Entry(key, new Lazy<Built>(() => Build(compose), LazyThreadSafetyMode.ExecutionAndPublication));
                _entries[story.Id] = entry;
            }
            else if (entry.Key != key && entry.PendingKey != key)
            {
                entry.PendingKey = key;
                refresh = true;
            }
        }

        if (refresh)
        {
            _ = Task.Run(() => Refresh(story.Id, entry, key, compose));
        }

        try
        {
            return entry.Value.Value;
        }
        catch
        {
            lock (_gate)
            {
                if (_entries.TryGetValue(story.Id, out var current) && current == entry)
                {
                    _entries.Remove(story.Id);
                }
            }

            throw;
        }
    }

    private void Refresh(string storyId, Entry stale, string key, Func<StoryView> compose)
    {
        Built? built = null;
        try
        {
            built = Build(compose);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
        {
            // The stale view stays; the next request after another change tries again.
        }

        lock (_gate)
        {
            if (_entries.TryGetValue(storyId, out var current) && current == stale)
            {
                if (built is null)
                {
                    stale.PendingKey = null;
                }
                else
                {
                    var fresh = new Entry(key, new Lazy<Built>(built));
                    _ = fresh.Value.Value;
                    _entries[storyId] = fresh;
                }
            }
        }
    }

    private static Built Build(Func<StoryView> compose)
    {
        var view = compose();
        return new Built(view, JsonSerializer.SerializeToUtf8Bytes(view, StorylineJson.Compact));
    }

    private static byte[] Trim(StoryView view, int copies)
    {
        var node = JsonSerializer.SerializeToNode(view with { Copies = [.. view.Copies.Take(copies)] }, StorylineJson.Compact)!.AsObject();
        node["copies_total"] = view.Copies.Length;
        return JsonSerializer.SerializeToUtf8Bytes(node, StorylineJson.Compact);
    }

    private sealed record Built(StoryView View, byte[] Full)
    {
        public System.Collections.Concurrent.ConcurrentDictionary<int, byte[]> Trimmed { get; } = new();
    }

    private sealed class Entry(string key, Lazy<Built> value)
    {
        public string Key { get; } = key;

        public Lazy<Built> Value { get; } = value;

        public string? PendingKey { get; set; }

        public bool Ready => Value.IsValueCreated;
    }
}
