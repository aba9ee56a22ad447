namespace Storyline.Entities;

/// <summary>
/// How a tagger labelled each capitalised word across unlabeled news: the word's usual type there and how
/// clearly (a word and a code, no text). A name the labelled data barely shows, such as a company in a
/// results table, is often written dozens of times in the unlabeled texts, with contexts ("Aegon NV said",
/// "shares in Aegon") that make the tagger's majority type more reliable than its guess on one sentence.
/// Immutable.
/// </summary>
internal sealed class CorpusTypes
{
    // Words tagged fewer times than this keep no code: one guess says little (3-fold CV on train: 2 above 3).
    private const int MinCount = 2;

    // The longest name phrase, in tokens, the phrase table keeps.
    internal const int MaxPhraseTokens = 5;

    private readonly Dictionary<ulong, byte> _codes;
    private readonly Dictionary<ulong, byte> _phrases;

    private CorpusTypes(Dictionary<ulong, byte> codes, Dictionary<ulong, byte> phrases)
    {
        _codes = codes;
        _phrases = phrases;
    }

    public int Count => _codes.Count;

    /// <summary>Whether the table holds multi-word name phrases.</summary>
    public bool HasPhrases => _phrases.Count > 0;

    /// <summary>
    /// The code (as <see cref="Of"/>) of a name of two or more tokens that the tagger marked in the unlabeled news,
    /// by the phrase hash of its folded tokens (<see cref="Gazetteer.PhraseHash"/>); 0 when the table does not hold it.
    /// </summary>
    public byte OfPhrase(ulong phraseHash) => _phrases.GetValueOrDefault(phraseHash);

    /// <summary>0 for a word not in the table; else 1 + 3 × type (PER, ORG, LOC, MISC, O) + share of that type (0: under 60%, 1: under 90%, 2: at least 90%).</summary>
    public byte Of(ulong foldedHash) => _codes.GetValueOrDefault(foldedHash);

    /// <summary>Tags every text with <paramref name="tagger"/> and keeps each capitalised word's majority type.</summary>
    public static CorpusTypes Build(NerTagger tagger, IReadOnlyList<string> texts)
    {
        var counts = new Dictionary<ulong, int[]>();
        var phraseCounts = new Dictionary<ulong, int[]>();
        var gate = new object();
        Parallel.ForEach(
            texts,
            () => (Words: new Dictionary<ulong, int[]>(), Phrases: new Dictionary<ulong, int[]>()),
            (text, _, both) =>
            {
                var doc = NerDocument.FromText(text);
                var labels = tagger.Tag(doc);
                var local = both.Words;
                CountPhrases(doc, labels, both.Phrases);
                for (var i = 0; i < labels.Length; i++)
                {
                    var t = doc.Tokens[i].In(doc.Text);
                    if (t.Length < 2 || !char.IsUpper(t[0]))
                    {
                        continue;
                    }

                    var key = FeatureHash.OfFolded(t);
                    if (!local.TryGetValue(key, out var c))
                    {
                        c = new int[5];
                        local[key] = c;
                    }

                    c[labels[i] == NerLabels.Outside ? 4 : (int)NerLabels.TypeOf(labels[i])]++;
                }

                return both;
            },
            both =>
            {
                // Sums commute, so the table does not depend on how the texts were shared between threads.
                lock (gate)
                {
                    Merge(counts, both.Words);
                    Merge(phraseCounts, both.Phrases);
                }
            });

        return new CorpusTypes(Codes(counts), Codes(phraseCounts));
    }

    private static void Merge(Dictionary<ulong, int[]> into, Dictionary<ulong, int[]> local)
    {
        foreach (var (key, c) in local)
        {
            if (!into.TryGetValue(key, out var total))
            {
                into[key] = c;
                continue;
            }

            for (var k = 0; k < c.Length; k++)
            {
                total[k] += c[k];
            }
        }
    }

    /// <summary>Counts the type of each name of 2 to <see cref="MaxPhraseTokens"/> tokens the labels mark.</summary>
    private static void CountPhrases(NerDocument doc, int[] labels, Dictionary<ulong, int[]> counts)
    {
        foreach (var s in doc.Sentences)
        {
            var end = s.FirstToken + s.TokenCount;
            for (var i = s.FirstToken; i < end; i++)
            {
                if (!NerLabels.Opens(labels[i]))
                {
                    continue;
                }

                var j = i + 1;
                while (j < end && NerLabels.Continues(labels[j]))
                {
                    j++;
                }

                if (j - i >= 2 && j - i <= MaxPhraseTokens)
                {
                    ulong h = 0;
                    for (var k = i; k < j; k++)
                    {
                        h = Gazetteer.PhraseHash(h, FeatureHash.OfFolded(doc.Tokens[k].In(doc.Text)));
                    }

                    if (!counts.TryGetValue(h, out var c))
                    {
                        c = new int[5];
                        counts[h] = c;
                    }

                    c[(int)NerLabels.TypeOf(labels[i])]++;
                }

                i = j - 1;
            }
        }
    }

    private static Dictionary<ulong, byte> Codes(Dictionary<ulong, int[]> counts)
    {
        var codes = new Dictionary<ulong, byte>();
        foreach (var (key, c) in counts)
        {
            var total = c.Sum();
            if (total < MinCount)
            {
                continue;
            }

            var best = 0;
            for (var k = 1; k < c.Length; k++)
            {
                if (c[k] > c[best])
                {
                    best = k;
                }
            }

            var share = c[best] * 10 >= total * 9 ? 2 : c[best] * 10 >= total * 6 ? 1 : 0;
            codes[key] = (byte)(1 + best * 3 + share);
        }

        return codes;
    }

    public void Write(BinaryWriter w)
    {
        Write(w, _codes);
        Write(w, _phrases);
    }

    private static void Write(BinaryWriter w, Dictionary<ulong, byte> codes)
    {
        w.Write(codes.Count);
        ulong previous = 0;
        foreach (var (key, code) in codes.OrderBy(kv => kv.Key))
        {
            w.Write7BitEncodedInt64((long)(key - previous));
            w.Write(code);
            previous = key;
        }
    }

    public static CorpusTypes Read(BinaryReader r) => new(ReadCodes(r), ReadCodes(r));

    private static Dictionary<ulong, byte> ReadCodes(BinaryReader r)
    {
        var count = r.ReadInt32();
        if (count < 0 || count > 10_000_000)
        {
            throw new InvalidDataException($"implausible corpus table size {count}");
        }

        var codes = new Dictionary<ulong, byte>(count);
        ulong key = 0;
        for (var i = 0; i < count; i++)
        {
            key += (ulong)r.Read7BitEncodedInt64();
            codes[key] = r.ReadByte();
        }

        return codes;
    }
}
