namespace Storyline.Dedup;

/// <summary>
/// A list that grows by whole chunks of 8,192 items (at most 64 KB each, under the large-object heap's 85,000 bytes):
/// growing never copies and never leaves a doubled array's unused half or a discarded old array behind, which for
/// lists kept the whole run holds up to twice their size and fills the large-object heap with garbage. Not thread-safe.
/// </summary>
internal sealed class ChunkedArray<T>
{
    private const int Shift = 13;
    private const int Mask = (1 << Shift) - 1;

    private T[][] _chunks = [];

    public int Count { get; private set; }

    public ref T this[int index] => ref _chunks[index >> Shift][index & Mask];

    /// <summary>Adds the item and returns its index.</summary>
    public int Add(T item)
    {
        var at = Count;
        var chunk = at >> Shift;
        if (chunk == _chunks.Length)
        {
            Array.Resize(ref _chunks, Math.Max(16, _chunks.Length * 2));
        }

        _chunks[chunk] ??= new T[1 << Shift];
        _chunks[chunk][at & Mask] = item;
        Count = at + 1;
        return at;
    }
}
