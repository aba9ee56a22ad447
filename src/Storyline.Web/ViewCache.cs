using System.Collections.Concurrent;

namespace Storyline.Web;

/// <summary>
/// Serialised answers that only change when their inputs do: an article's detail (its id is its content, so it never
/// changes) and a story's view (keyed by its members). Bounded: cleared when full. Thread-safe.
/// </summary>
internal sealed class ViewCache
{
    private const int MaxEntries = 2048;
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _entries = new(StringComparer.Ordinal);

    public byte[] GetOrAdd(string key, Func<byte[]> build)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        // Lazy makes concurrent requests for one uncached view build it once.
        var entry = _entries.GetOrAdd(key, _ => new Lazy<byte[]>(build, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return entry.Value;
        }
        catch
        {
            _entries.TryRemove(key, out _);
            throw;
        }
    }
}
