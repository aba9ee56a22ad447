using System.Numerics;

namespace Storyline.Dedup;

/// <summary>
/// Lists of non-negative values under integer keys (64 or 32 bits), in the order added. Most keys of a corpus (LSH
/// buckets, paragraph hashes, text hashes) get one value or a few, so a key lives in an open-addressing table (the key
/// in an array, linear probing) beside one int that holds a single value inline; a key's second value turns it into a
/// chain (first, last, count) through flat chunked arrays of values and next pointers. A key with one value costs 14 to
/// 20 bytes with the table's free slots and a further value 8, where a dictionary entry and values held apart took
/// about 50 and 12. The table is cut into 256 parts by the key's hash, each growing on its own, so growing never holds
/// two copies of the whole table at once (at a million articles the band table is over 100 MB). Not thread-safe.
/// </summary>
internal sealed class PostingLists<TKey>
    where TKey : unmanaged, IBinaryInteger<TKey>
{
    // The table grows by half once seven slots in ten are taken: linear probing stays short, and the free slots held
    // for the whole run stay a third or so of the table.
    private const double MaxLoad = 0.7;
    private const int PartBits = 8;

    // Per part, a slot's key and int: 0 empty, v + 1 a single value v, ~c (negative) chain c.
    private readonly TKey[][] _keys = new TKey[1 << PartBits][];
    private readonly int[][] _slots = new int[1 << PartBits][];
    private readonly int[] _used = new int[1 << PartBits];

    private readonly ChunkedArray<int> _chainFirst = new();
    private readonly ChunkedArray<int> _chainLast = new();
    private readonly ChunkedArray<int> _chainCount = new();
    private readonly ChunkedArray<int> _values = new();
    private readonly ChunkedArray<int> _next = new();

    public PostingLists()
    {
        for (var part = 0; part < _keys.Length; part++)
        {
            _keys[part] = new TKey[8];
            _slots[part] = new int[8];
        }
    }

    /// <summary>How many values the key holds (0 for an unknown key).</summary>
    public int Count(TKey key)
    {
        var (part, at) = Find(key);
        var slot = _slots[part][at];
        return slot == 0 ? 0 : slot > 0 ? 1 : _chainCount[~slot];
    }

    public void Add(TKey key, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfEqual(value, int.MaxValue);
        var (part, at) = Find(key);
        var slots = _slots[part];
        var slot = slots[at];
        if (slot == 0)
        {
            _keys[part][at] = key;
            slots[at] = value + 1;
            if (++_used[part] > slots.Length * MaxLoad)
            {
                Grow(part);
            }
        }
        else if (slot > 0)
        {
            var first = _values.Add(slot - 1);
            _next.Add(first + 1);
            var second = _values.Add(value);
            _next.Add(-1);
            _chainFirst.Add(first);
            _chainLast.Add(second);
            slots[at] = ~_chainCount.Add(2);
        }
        else
        {
            var chain = ~slot;
            var node = _values.Add(value);
            _next.Add(-1);
            _next[_chainLast[chain]] = node;
            _chainLast[chain] = node;
            _chainCount[chain]++;
        }
    }

    /// <summary>The key's values in the order they were added.</summary>
    public Enumerator Get(TKey key)
    {
        var (part, at) = Find(key);
        var slot = _slots[part][at];
        return slot == 0 ? new(this, -1, -1) : slot > 0 ? new(this, slot - 1, -1) : new(this, -1, _chainFirst[~slot]);
    }

    /// <summary>The key's part and slot, or the empty slot where it would go.</summary>
    private (int Part, int At) Find(TKey key)
    {
        var hash = ulong.CreateTruncating(key) * 0x9E3779B97F4A7C15UL;
        var part = (int)(hash >> (64 - PartBits));
        var (keys, slots) = (_keys[part], _slots[part]);
        var at = (int)Math.BigMul(hash << PartBits, (ulong)slots.Length, out _);
        while (slots[at] != 0 && keys[at] != key)
        {
            if (++at == slots.Length)
            {
                at = 0;
            }
        }

        return (part, at);
    }

    private void Grow(int part)
    {
        var (keys, slots) = (_keys[part], _slots[part]);
        _keys[part] = new TKey[slots.Length + (slots.Length / 2)];
        _slots[part] = new int[slots.Length + (slots.Length / 2)];
        for (var i = 0; i < slots.Length; i++)
        {
            if (slots[i] != 0)
            {
                var (_, at) = Find(keys[i]);
                _keys[part][at] = keys[i];
                _slots[part][at] = slots[i];
            }
        }
    }

    /// <param name="single">The key's one value, or -1.</param>
    /// <param name="node">The first node of the key's chain, or -1.</param>
    public struct Enumerator(PostingLists<TKey> lists, int single, int node)
    {
        private int _at = -2;

        public readonly int Current => _at == -3 ? single : lists._values[_at];

        public readonly Enumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (single >= 0)
            {
                _at = _at == -2 ? -3 : -1;
            }
            else
            {
                _at = _at == -2 ? node : lists._next[_at];
            }

            return _at != -1;
        }
    }
}
