namespace Storyline.Eval.Ner;

/// <summary>An entity chunk: tokens [Start, End) of one sentence, with its type.</summary>
public readonly record struct Chunk(int Start, int End, string Type);

/// <summary>Precision, recall and F1 from counts (0 where undefined, as conlleval prints them).</summary>
public sealed record PrfScore(int Correct, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Entity-level scoring exactly as the CoNLL shared task's conlleval script does it: chunks are read from
/// IOB1, BIO or IOBES tags with conlleval's start/end rules (sentence boundaries close chunks), and a predicted
/// chunk is correct when its span and type equal a gold chunk's. Counts accumulate over sentences; not
/// thread-safe.
/// </summary>
public sealed class NerScorer
{
    private readonly Dictionary<string, (int Correct, int Predicted, int Gold)> _perType = new(StringComparer.Ordinal);

    public int Sentences { get; private set; }

    public int Tokens { get; private set; }

    public PrfScore Overall
    {
        get
        {
            int c = 0, p = 0, g = 0;
            foreach (var v in _perType.Values)
            {
                c += v.Correct;
                p += v.Predicted;
                g += v.Gold;
            }

            return new PrfScore(c, p, g);
        }
    }

    /// <summary>Scores per type, in ordinal order of the type names.</summary>
    public IReadOnlyList<KeyValuePair<string, PrfScore>> PerType =>
        [.. _perType.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, new PrfScore(kv.Value.Correct, kv.Value.Predicted, kv.Value.Gold)))];

    /// <summary>Adds one sentence's gold and predicted tags (same length).</summary>
    public void Add(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException($"gold has {gold.Count} tags, prediction {predicted.Count}");
        }

        Sentences++;
        Tokens += gold.Count;
        var g = Chunks(gold);
        var p = Chunks(predicted);
        var goldSet = new HashSet<Chunk>(g);
        foreach (var c in g)
        {
            Bump(c.Type, 0, 0, 1);
        }

        foreach (var c in p)
        {
            Bump(c.Type, goldSet.Contains(c) ? 1 : 0, 1, 0);
        }
    }

    private void Bump(string type, int correct, int predicted, int gold)
    {
        var v = _perType.GetValueOrDefault(type);
        _perType[type] = (v.Correct + correct, v.Predicted + predicted, v.Gold + gold);
    }

    /// <summary>The chunks of one sentence's tags, by conlleval's rules.</summary>
    public static List<Chunk> Chunks(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var chunks = new List<Chunk>();
        var prevTag = 'O';
        var prevType = "";
        var start = -1;
        for (var i = 0; i <= tags.Count; i++)
        {
            var (tag, type) = i < tags.Count ? Split(tags[i]) : ('O', "");
            if (start >= 0 && EndOfChunk(prevTag, tag, prevType, type))
            {
                chunks.Add(new Chunk(start, i, prevType));
                start = -1;
            }

            if (StartOfChunk(prevTag, tag, prevType, type))
            {
                start = i;
            }

            prevTag = tag;
            prevType = type;
        }

        return chunks;
    }

    private static (char Tag, string Type) Split(string t) =>
        t.Length > 2 && t[1] == '-' ? (t[0], t[2..]) : ('O', "");

    private static bool EndOfChunk(char prevTag, char tag, string prevType, string type) =>
        prevTag is 'E' or 'S'
        || (prevTag is 'B' or 'I' && tag is 'B' or 'S' or 'O')
        || (prevTag != 'O' && prevType != type);

    private static bool StartOfChunk(char prevTag, char tag, string prevType, string type) =>
        tag is 'B' or 'S'
        || (prevTag is 'E' or 'S' or 'O' && tag is 'E' or 'I')
        || (tag != 'O' && prevType != type);
}
