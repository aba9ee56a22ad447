using Storyline.Text;

namespace Storyline.Entities;

/// <summary>A named-entity mention: a span of the text it was found in, and its type.</summary>
public readonly record struct EntityMention(int Start, int Length, EntityType Type)
{
    public int End => Start + Length;
}

/// <summary>
/// Finds people, organisations, places and other names (CoNLL-2003 types) in English text: an averaged
/// perceptron over hashed features with exact Viterbi decoding under BILOU constraints. Immutable and
/// thread-safe: one instance may tag from many threads at once.
/// </summary>
public sealed class NerTagger
{
    /// <summary>The name of the embedded model resource.</summary>
    internal const string ModelResource = "ner-model.bin.gz";

    private static readonly Lazy<NerTagger> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly NerFeatures _features;
    private readonly JointIndex _joint;

    private const string Magic = "SLNER";
    private const int Version = 5;

    internal NerTagger(NerModel model, NerModel? second = null, CorpusTypes? corpus = null)
    {
        Model = model;
        Second = second;
        Corpus = corpus;
        _joint = new JointIndex(model, second);
        _features = new NerFeatures(model.UsesGazetteer ? Gazetteer.Default : null, model.UsesCasing ? CasingStatistics.Default : null, model.UsesClusters ? WordClusters.Default : null, corpus);
    }

    /// <summary>The tagger with the model shipped in the assembly (trained on CoNLL-2003 English), loaded once.</summary>
    public static NerTagger Default => LazyDefault.Value;

    internal NerModel Model { get; }

    /// <summary>The second pass, which also sees how the first pass tagged the same words elsewhere in the document.</summary>
    internal NerModel? Second { get; }

    /// <summary>How the tagger's own first stage labelled words in unlabeled news (<see cref="CorpusTypes"/>), when trained with it.</summary>
    internal CorpusTypes? Corpus { get; }

    /// <summary>How many weighted features the model holds.</summary>
    public int FeatureCount => Model.FeatureCount + (Second?.FeatureCount ?? 0);

    /// <summary>Writes the model (gzip) so that <see cref="Load"/> reads it back.</summary>
    public void Save(Stream output)
    {
        using var gz = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz);
        w.Write(Magic);
        w.Write(Version);
        w.Write(NerLabels.Count);
        Model.Write(w);
        w.Write(Second is not null);
        Second?.Write(w);
        w.Write(Corpus is not null);
        Corpus?.Write(w);
    }

    /// <summary>Reads a model written by <see cref="Save"/>; a file that is not one gives <see cref="InvalidDataException"/> naming <paramref name="name"/>.</summary>
    internal static NerTagger Read(Stream input, string name)
    {
        try
        {
            using var gz = new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress, leaveOpen: true);
            using var r = new BinaryReader(new BufferedStream(gz, 1 << 16));
            if (r.ReadString() != Magic || r.ReadInt32() != Version || r.ReadInt32() != NerLabels.Count)
            {
                throw new InvalidDataException($"{name}: not a Storyline NER model of version {Version}");
            }

            var first = NerModel.Read(r);
            var second = r.ReadBoolean() ? NerModel.Read(r) : null;
            var corpus = r.ReadBoolean() ? CorpusTypes.Read(r) : null;
            return new NerTagger(first, second, corpus);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or FormatException or IOException)
        {
            throw new InvalidDataException(e.Message.StartsWith(name, StringComparison.Ordinal) ? e.Message : $"{name}: not a readable NER model ({e.Message})", e);
        }
    }

    /// <summary>Loads a model written by <c>storyline train ner</c>.</summary>
    public static NerTagger Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>The entity mentions in <paramref name="text"/>, in order, as spans of it.</summary>
    public IReadOnlyList<EntityMention> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var document = NerDocument.FromText(text);
        return Mentions(document, Tag(document));
    }

    /// <summary>BILOU label ids (see <see cref="NerLabels"/>) for every token of the document.</summary>
    internal int[] Tag(NerDocument document)
    {
        var ctx = _features.Prepare(document);
        var n = document.Tokens.Length;
        var labels = new int[n];

        // The features of every token, extracted once and looked up by both passes.
        var hashes = new List<ulong>(n * 48);
        var offsets = new int[n + 1];
        foreach (var s in document.Sentences)
        {
            for (var t = s.FirstToken; t < s.FirstToken + s.TokenCount; t++)
            {
                offsets[t] = hashes.Count;
                _features.Extract(ctx, s, t, hashes);
                offsets[t + 1] = hashes.Count;
            }
        }

        // One probe per feature finds its row in both passes' weights.
        var all = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(hashes);
        var rows1 = new int[all.Length];
        var rows2 = Second is null ? null : new int[all.Length];
        _joint.Resolve(all, rows1, rows2);

        var emission = new float[64 * NerLabels.Count];
        foreach (var s in document.Sentences)
        {
            emission = Emissions(Model, rows1, offsets, s, emission, null, null);
            Viterbi(emission, s.TokenCount, Model.Transitions, Model.Start, labels.AsSpan(s.FirstToken, s.TokenCount));
        }

        if (Second is { } second && rows2 is not null)
        {
            NerFeatures.SetHistory(ctx, labels);
            var extra = new List<ulong>(8);
            foreach (var s in document.Sentences)
            {
                emission = Emissions(second, rows2, offsets, s, emission, ctx, extra);
                Viterbi(emission, s.TokenCount, second.Transitions, second.Start, labels.AsSpan(s.FirstToken, s.TokenCount));
            }
        }

        return labels;
    }

    private static float[] Emissions(NerModel model, int[] rows, int[] offsets, Sentence s, float[] emission, NerFeatures.Context? history, List<ulong>? extra)
    {
        const int L = NerLabels.Count;
        if (emission.Length < s.TokenCount * L)
        {
            emission = new float[s.TokenCount * L * 2];
        }

        Array.Clear(emission, 0, s.TokenCount * L);
        var w = model.Weights;
        for (var k = 0; k < s.TokenCount; k++)
        {
            var t = s.FirstToken + k;
            var e = emission.AsSpan(k * L, L);
            foreach (var row in rows.AsSpan(offsets[t], offsets[t + 1] - offsets[t]))
            {
                if (row >= 0)
                {
                    Add(e, w.AsSpan(row * L, L));
                }
            }

            if (history is not null && extra is not null)
            {
                extra.Clear();
                NerFeatures.ExtractHistory(history, s, t, extra);
                foreach (var f in extra)
                {
                    var row = model.Row(f);
                    if (row >= 0)
                    {
                        Add(e, w.AsSpan(row * L, L));
                    }
                }
            }
        }

        return emission;
    }

    private static void Add(Span<float> e, ReadOnlySpan<float> r)
    {
        // A row per feature is the inner loop of tagging: add it in vector-wide steps.
        var y = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var width = System.Numerics.Vector<float>.Count;
            for (; y <= e.Length - width; y += width)
            {
                (new System.Numerics.Vector<float>(e[y..]) + new System.Numerics.Vector<float>(r[y..])).CopyTo(e[y..]);
            }
        }

        for (; y < e.Length; y++)
        {
            e[y] += r[y];
        }
    }

    /// <summary>Joins BILOU labels into mentions.</summary>
    internal static List<EntityMention> Mentions(NerDocument document, int[] labels)
    {
        var mentions = new List<EntityMention>();
        var i = 0;
        while (i < labels.Length)
        {
            if (labels[i] == NerLabels.Outside)
            {
                i++;
                continue;
            }

            var type = NerLabels.TypeOf(labels[i]);
            var j = i + 1;
            while (j < labels.Length && NerLabels.Continues(labels[j]) && NerLabels.TypeOf(labels[j]) == type)
            {
                j++;
            }

            var start = document.Tokens[i].Start;
            mentions.Add(new EntityMention(start, document.Tokens[j - 1].End - start, type));
            i = j;
        }

        return mentions;
    }

    /// <summary>Exact best label sequence under first-order transitions, allowing only well-formed BILOU sequences.</summary>
    internal static void Viterbi(ReadOnlySpan<float> emission, int n, ReadOnlySpan<float> transitions, ReadOnlySpan<float> start, Span<int> output)
    {
        const int L = NerLabels.Count;
        var score = new float[n * L];
        var back = new int[n * L];
        for (var y = 0; y < L; y++)
        {
            score[y] = NerLabels.MayStart(y) ? start[y] + emission[y] : float.NegativeInfinity;
        }

        for (var t = 1; t < n; t++)
        {
            for (var y = 0; y < L; y++)
            {
                var best = float.NegativeInfinity;
                var arg = 0;
                foreach (var p in NerLabels.Predecessors[y])
                {
                    var v = score[(t - 1) * L + p] + transitions[p * L + y];
                    if (v > best)
                    {
                        best = v;
                        arg = p;
                    }
                }

                score[t * L + y] = best + emission[t * L + y];
                back[t * L + y] = arg;
            }
        }

        var last = NerLabels.Outside;
        for (var y = 1; y < L; y++)
        {
            if (NerLabels.MayEnd(y) && score[(n - 1) * L + y] > score[(n - 1) * L + last])
            {
                last = y;
            }
        }

        for (var t = n - 1; t >= 0; t--)
        {
            output[t] = last;
            last = back[t * L + last];
        }
    }

    private static NerTagger LoadDefault()
    {
        if (!Gazetteer.HasResource(ModelResource))
        {
            throw new InvalidOperationException("the NER model is not embedded in this build (train it with: storyline train ner)");
        }

        using var stream = Gazetteer.OpenResource(ModelResource);
        return Read(stream, ModelResource);
    }

    /// <summary>The features of both passes in one open-addressing table: key, first-pass row, second-pass row.</summary>
    private sealed class JointIndex
    {
        private readonly Slot[] _slots;
        private readonly int _mask;

        public JointIndex(NerModel first, NerModel? second)
        {
            var keys = new SortedDictionary<ulong, (int, int)>();
            foreach (var (key, row) in first.Rows)
            {
                keys[key] = (row, -1);
            }

            if (second is not null)
            {
                foreach (var (key, row) in second.Rows)
                {
                    keys[key] = (keys.TryGetValue(key, out var r) ? r.Item1 : -1, row);
                }
            }

            var capacity = 16;
            while (capacity < keys.Count * 2)
            {
                capacity <<= 1;
            }

            _slots = new Slot[capacity];
            _mask = capacity - 1;
            foreach (var (key, (row1, row2)) in keys)
            {
                var k = key == 0 ? 1 : key;
                var slot = (int)(k & (ulong)_mask);
                while (_slots[slot].Key != 0)
                {
                    slot = (slot + 1) & _mask;
                }

                _slots[slot] = new Slot(k, row1, row2);
            }
        }

        public void Resolve(ReadOnlySpan<ulong> features, Span<int> rows1, Span<int> rows2)
        {
            for (var i = 0; i < features.Length; i++)
            {
                var k = features[i] == 0 ? 1 : features[i];
                var slot = (int)(k & (ulong)_mask);
                var row1 = -1;
                var row2 = -1;
                while (true)
                {
                    ref readonly var stored = ref _slots[slot];
                    if (stored.Key == k)
                    {
                        row1 = stored.Row1;
                        row2 = stored.Row2;
                        break;
                    }

                    if (stored.Key == 0)
                    {
                        break;
                    }

                    slot = (slot + 1) & _mask;
                }

                rows1[i] = row1;
                if (!rows2.IsEmpty)
                {
                    rows2[i] = row2;
                }
            }
        }

        private readonly record struct Slot(ulong Key, int Row1, int Row2);
    }
}
