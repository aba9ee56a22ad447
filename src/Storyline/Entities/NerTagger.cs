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

    internal NerTagger(NerModel model)
    {
        Model = model;
        _features = new NerFeatures(model.UsesGazetteer ? Gazetteer.Default : null);
    }

    /// <summary>The tagger with the model shipped in the assembly (trained on CoNLL-2003 English), loaded once.</summary>
    public static NerTagger Default => LazyDefault.Value;

    internal NerModel Model { get; }

    /// <summary>How many weighted features the model holds.</summary>
    public int FeatureCount => Model.FeatureCount;

    /// <summary>Writes the model (gzip) so that <see cref="Load"/> reads it back.</summary>
    public void Save(Stream output) => Model.Save(output);

    /// <summary>Loads a model written by <c>storyline train ner</c>.</summary>
    public static NerTagger Load(string path)
    {
        using var stream = File.OpenRead(path);
        return new NerTagger(NerModel.Load(stream, path));
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
        var labels = new int[document.Tokens.Length];
        var buffer = new List<ulong>(64);
        foreach (var s in document.Sentences)
        {
            Decode(ctx, s, labels, buffer);
        }

        return labels;
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

    private void Decode(NerFeatures.Context ctx, Sentence s, int[] labels, List<ulong> buffer)
    {
        const int L = NerLabels.Count;
        var n = s.TokenCount;
        if (n == 0)
        {
            return;
        }

        var model = Model;
        var w = model.Weights;
        var emission = new float[n * L];
        for (var t = 0; t < n; t++)
        {
            buffer.Clear();
            _features.Extract(ctx, s, s.FirstToken + t, buffer);
            var e = emission.AsSpan(t * L, L);
            foreach (var f in buffer)
            {
                if (model.TryRow(f, out var row))
                {
                    var r = w.AsSpan(row * L, L);
                    for (var y = 0; y < L; y++)
                    {
                        e[y] += r[y];
                    }
                }
            }
        }

        Viterbi(emission, n, model.Transitions, model.Start, labels.AsSpan(s.FirstToken, n));
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
        return new NerTagger(NerModel.Load(stream, ModelResource));
    }
}
