using Storyline.Text;

namespace Storyline.Entities;

/// <summary>A named-entity mention: a span of the text it was found in, and its type.</summary>
public readonly record struct EntityMention(int Start, int Length, EntityType Type)
{
    public int End => Start + Length;
}

/// <summary>
/// Finds people, organisations, places and other names (CoNLL-2003 types) in English text: an averaged
/// perceptron over hashed features with exact Viterbi decoding under BIO constraints. Immutable and
/// thread-safe: one instance may tag from many threads at once.
/// </summary>
public sealed class NerTagger
{
    /// <summary>The name of the embedded model resource.</summary>
    internal const string ModelResource = "ner-model.bin.gz";

    private static readonly Lazy<NerTagger> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly NerFeatures _features;

    private const string Magic = "SLNER";
    private const int Version = 2;

    internal NerTagger(NerModel model, NerModel? second = null)
    {
        Model = model;
        Second = second;
        _features = new NerFeatures(model.UsesGazetteer ? Gazetteer.Default : null, model.UsesCasing ? CasingStatistics.Default : null);
    }

    /// <summary>The tagger with the model shipped in the assembly (trained on CoNLL-2003 English), loaded once.</summary>
    public static NerTagger Default => LazyDefault.Value;

    internal NerModel Model { get; }

    /// <summary>The second pass, which also sees how the first pass tagged the same words elsewhere in the document.</summary>
    internal NerModel? Second { get; }

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
            return new NerTagger(first, second);
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

    /// <summary>BIO label ids (see <see cref="NerLabels"/>) for every token of the document.</summary>
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

        var all = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(hashes);
        var emission = new float[64 * NerLabels.Count];
        foreach (var s in document.Sentences)
        {
            emission = Emissions(Model, all, offsets, s, emission, null);
            Viterbi(emission, s.TokenCount, Model.Transitions, Model.Start, labels.AsSpan(s.FirstToken, s.TokenCount));
        }

        if (Second is { } second)
        {
            NerFeatures.SetHistory(ctx, labels);
            var extra = new List<ulong>(8);
            foreach (var s in document.Sentences)
            {
                emission = Emissions(second, all, offsets, s, emission, (t, list) => NerFeatures.ExtractHistory(ctx, s, t, list), extra);
                Viterbi(emission, s.TokenCount, second.Transitions, second.Start, labels.AsSpan(s.FirstToken, s.TokenCount));
            }
        }

        return labels;
    }

    private static float[] Emissions(NerModel model, ReadOnlySpan<ulong> hashes, int[] offsets, Sentence s, float[] emission, Action<int, List<ulong>>? more, List<ulong>? extra = null)
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
            foreach (var f in hashes[offsets[t]..offsets[t + 1]])
            {
                var row = model.Row(f);
                if (row >= 0)
                {
                    Add(e, w.AsSpan(row * L, L));
                }
            }

            if (more is not null && extra is not null)
            {
                extra.Clear();
                more(t, extra);
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
        for (var y = 0; y < e.Length; y++)
        {
            e[y] += r[y];
        }
    }

    /// <summary>Joins BIO labels into mentions.</summary>
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
            while (j < labels.Length && labels[j] == NerLabels.Inside(type))
            {
                j++;
            }

            var start = document.Tokens[i].Start;
            mentions.Add(new EntityMention(start, document.Tokens[j - 1].End - start, type));
            i = j;
        }

        return mentions;
    }

    /// <summary>Exact best label sequence under first-order transitions, forbidding I-X outside an X.</summary>
    internal static void Viterbi(ReadOnlySpan<float> emission, int n, ReadOnlySpan<float> transitions, ReadOnlySpan<float> start, Span<int> output)
    {
        const int L = NerLabels.Count;
        var score = new float[n * L];
        var back = new int[n * L];
        for (var y = 0; y < L; y++)
        {
            score[y] = NerLabels.IsInside(y) ? float.NegativeInfinity : start[y] + emission[y];
        }

        for (var t = 1; t < n; t++)
        {
            for (var y = 0; y < L; y++)
            {
                var best = float.NegativeInfinity;
                var arg = 0;
                for (var p = 0; p < L; p++)
                {
                    if (!NerLabels.Allowed(p, y))
                    {
                        continue;
                    }

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

        var last = 0;
        for (var y = 1; y < L; y++)
        {
            if (score[(n - 1) * L + y] > score[(n - 1) * L + last])
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
}
