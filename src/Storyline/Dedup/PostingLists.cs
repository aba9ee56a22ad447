namespace Storyline.Dedup;

/// <summary>
/// Lists of values under 64-bit keys, in the order added, held as chains through two flat arrays: a key costs
/// one dictionary entry and a value twelve bytes, where a list object per key costs about a hundred bytes for
/// the one or two values most keys ever get (a corpus has a million LSH buckets and paragraph hashes, few shared).
/// Not thread-safe.
/// </summary>
internal sealed class PostingLists
{
    private readonly Dictionary<ulong, (int First, int Last, int Count)> _chains = [];
    private readonly List<long> _values = [];
    private readonly List<int> _next = [];

    /// <summary>How many values the key holds (0 for an unknown key).</summary>
    public int Count(ulong key) => _chains.TryGetValue(key, out var chain) ? chain.Count : 0;

    public void Add(ulong key, long value)
    {
        var at = _values.Count;
        _values.Add(value);
        _next.Add(-1);
        if (_chains.TryGetValue(key, out var chain))
        {
            _next[chain.Last] = at;
            _chains[key] = (chain.First, at, chain.Count + 1);
        }
        else
        {
            _chains[key] = (at, at, 1);
        }
    }

    /// <summary>The key's values in the order they were added.</summary>
    public Enumerator Get(ulong key) => new(this, _chains.TryGetValue(key, out var chain) ? chain.First : -1);

    public struct Enumerator(PostingLists lists, int first)
    {
        private int _at = -2;

        public readonly long Current => lists._values[_at];

        public readonly Enumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            _at = _at == -2 ? first : lists._next[_at];
            return _at >= 0;
        }
    }
}
