namespace Storyline.Dedup;

/// <summary>
/// What the duplicate index keeps of each article once added, for the whole run: its id, word counts, date, where its
/// paragraphs start in a running count of all paragraphs, and its compact signature, each in a flat chunked array
/// (about 160 bytes an article with 128 permutations, where a record per article took about 440 with its id
/// lookup). Not thread-safe.
/// </summary>
internal sealed class IndexedArticles
{
    private const long NoDate = long.MinValue;
    private const double MaxLoad = 0.7;

    private readonly int _width;
    private readonly int _rowsPerChunk;
    private readonly ChunkedArray<string> _ids = new();
    private readonly ChunkedArray<int> _words = new();
    private readonly ChunkedArray<int> _contentWords = new();
    private readonly ChunkedArray<int> _firstParagraph = new();
    private readonly ChunkedArray<long> _dates = new();
    private readonly List<byte[]> _signatures = [];
    private int _paragraphs;

    // Open addressing on the id's hash: a slot holds the article's index + 1, 0 when empty.
    private int[] _byId = new int[64];

    /// <param name="signatureLength">Values in a signature (the MinHash permutations).</param>
    public IndexedArticles(int signatureLength)
    {
        _width = signatureLength;
        _rowsPerChunk = Math.Max(1, 65_536 / signatureLength);
    }

    public int Count => _ids.Count;

    /// <summary>Adds the article (its id not added before) and returns its index.</summary>
    public int Add(string id, int words, int contentWords, DateTimeOffset? date, int paragraphs, uint[] signature)
    {
        var index = _ids.Add(id);
        _words.Add(words);
        _contentWords.Add(contentWords);
        _dates.Add(date?.UtcTicks ?? NoDate);
        _firstParagraph.Add(_paragraphs);
        _paragraphs = checked(_paragraphs + paragraphs);
        if (index % _rowsPerChunk == 0)
        {
            _signatures.Add(new byte[_rowsPerChunk * _width]);
        }

        MinHash.Compact(signature, Signature(index));
        _byId[Find(id)] = index + 1;
        if (index + 1 > _byId.Length * MaxLoad)
        {
            var old = _byId;
            _byId = new int[old.Length + (old.Length / 2)];
            foreach (var slot in old)
            {
                if (slot != 0)
                {
                    _byId[Find(_ids[slot - 1])] = slot;
                }
            }
        }

        return index;
    }

    /// <summary>The index of the article with this id, or -1.</summary>
    public int IndexOf(string id) => _byId[Find(id)] - 1;

    public string Id(int index) => _ids[index];

    public int Words(int index) => _words[index];

    public int ContentWords(int index) => _contentWords[index];

    /// <summary>The article's usable date (<see cref="ArticleDates.Usable"/>) as UTC ticks, which is all a comparison reads.</summary>
    public long? DateTicks(int index) => _dates[index] == NoDate ? null : _dates[index];

    public int ParagraphCount(int index) => (index + 1 < Count ? _firstParagraph[index + 1] : _paragraphs) - _firstParagraph[index];

    /// <summary>The paragraph's number in the running count of all articles' paragraphs.</summary>
    public int ParagraphNumber(int index, int paragraph) => _firstParagraph[index] + paragraph;

    /// <summary>The article and paragraph of a number from <see cref="ParagraphNumber"/>.</summary>
    public (int Index, int Paragraph) FromParagraphNumber(int number)
    {
        // The last article starting at or before the number: one with no paragraphs starts where the next does.
        var (lo, hi) = (0, Count - 1);
        while (lo < hi)
        {
            var mid = lo + ((hi - lo + 1) / 2);
            if (_firstParagraph[mid] <= number)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return (lo, number - _firstParagraph[lo]);
    }

    /// <summary>The article's compact signature (<see cref="MinHash.Compact(uint[])"/>).</summary>
    public Span<byte> Signature(int index) => _signatures[index / _rowsPerChunk].AsSpan(index % _rowsPerChunk * _width, _width);

    /// <summary>The slot holding the id, or the empty one where it would go.</summary>
    private int Find(string id)
    {
        var length = _byId.Length;
        var at = (int)(((ulong)(uint)id.GetHashCode() * (ulong)length) >> 32);
        while (_byId[at] != 0 && !string.Equals(_ids[_byId[at] - 1], id, StringComparison.Ordinal))
        {
            if (++at == length)
            {
                at = 0;
            }
        }

        return at;
    }
}
