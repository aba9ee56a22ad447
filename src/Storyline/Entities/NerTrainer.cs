using Storyline.Eval.Ner;

namespace Storyline.Entities;

/// <summary>Options of <see cref="NerTrainer"/>.</summary>
public sealed record NerTrainingOptions
{
    public int Epochs { get; init; } = 12;

    /// <summary>Seed of the per-epoch sentence shuffles.</summary>
    public ulong Seed { get; init; } = 20260101;

    /// <summary>Features seen fewer times in training are dropped (they cannot be learnt and bloat the model).</summary>
    public int MinFeatureCount { get; init; } = 1;

    public bool UseGazetteer { get; init; } = true;

    /// <summary>Use the casing statistics learned from unlabeled news, when the build embeds them.</summary>
    public bool UseCasing { get; init; } = true;

    /// <summary>Use the word classes learned from unlabeled news, when the build embeds them.</summary>
    public bool UseClusters { get; init; } = true;

    /// <summary>
    /// Train a second pass that sees how the first pass tagged the same word elsewhere in the document. Its
    /// training features come from first-pass models trained on the other half of the documents (two-fold
    /// jackknife), so it learns from the kind of first-pass errors it will see on new text.
    /// </summary>
    public bool TwoPass { get; init; } = true;

    /// <summary>
    /// Unlabeled news texts: when given, a first-stage tagger labels them and each word's usual type there becomes
    /// a feature (<see cref="CorpusTypes"/>). Training documents see a table made by a tagger trained on the other
    /// half of the documents, so the feature is no more reliable on them than on new text.
    /// </summary>
    public IReadOnlyList<string>? Unlabeled { get; init; }

    /// <summary>
    /// Folds of the jackknife that gives training documents their first-pass labels and corpus tables: each fold's
    /// documents are labelled by models trained on the other folds.
    /// </summary>
    public int JackknifeFolds { get; init; } = 2;
}

/// <summary>
/// Trains the tagger's averaged perceptron (Collins 2002): for each training sentence, in a seeded shuffled
/// order, decode with Viterbi and move weights towards the gold labels and away from the prediction; the model
/// is the average of the weights over all steps. Deterministic: the same data and options give the same bytes.
/// </summary>
public static class NerTrainer
{
    private const int L = NerLabels.Count;

    /// <summary>Trains on CoNLL documents. <paramref name="afterEpoch"/>, if given, sees the averaged model after each epoch (of the last pass).</summary>
    public static NerTagger Train(IReadOnlyList<ConllDocument> documents, NerTrainingOptions options, Action<int, NerTagger>? afterEpoch = null, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(options);
        var k = Math.Max(2, options.JackknifeFolds);

        // Fold f of the jackknife holds the documents whose index is f modulo k; its models train on the others.
        List<ConllDocument> Without(int f) => [.. documents.Where((_, i) => i % k != f)];
        CorpusTypes? corpus = null;
        var tables = new CorpusTypes?[documents.Count];
        if (options.Unlabeled is { } texts)
        {
            // Same jackknife as the second pass: each document's table comes from a tagger that never saw it.
            var plain = options with { Unlabeled = null, TwoPass = false };
            log?.Invoke("labelling the unlabeled texts with first-stage taggers");
            var foldTables = new CorpusTypes[k];
            for (var f = 0; f < k; f++)
            {
                foldTables[f] = CorpusTypes.Build(Train(Without(f), plain), texts);
            }

            corpus = CorpusTypes.Build(Train(documents, plain), texts);
            for (var i = 0; i < documents.Count; i++)
            {
                tables[i] = foldTables[i % k];
            }
        }

        if (!options.TwoPass)
        {
            return new NerTagger(TrainPass(documents, tables, options, null, afterEpoch is null ? null : (e, m) => afterEpoch(e, new NerTagger(m, null, corpus)), log), null, corpus);
        }

        log?.Invoke("first pass on each jackknife fold, to tag the held-out documents");
        var firstPassLabels = new int[documents.Count][];
        for (var f = 0; f < k; f++)
        {
            var model = TrainPass(Without(f), [.. tables.Where((_, i) => i % k != f)], options, null, null, log);
            for (var i = f; i < documents.Count; i += k)
            {
                firstPassLabels[i] = new NerTagger(model, null, tables[i]).Tag(ToDocument(documents[i]));
            }
        }

        log?.Invoke("first pass on all documents");
        var first = TrainPass(documents, tables, options, null, null, log);
        log?.Invoke("second pass");
        var second = TrainPass(documents, tables, options, firstPassLabels, afterEpoch is null ? null : (e, m) => afterEpoch(e, new NerTagger(first, m, corpus)), log);
        return new NerTagger(first, second, corpus);
    }

    private static NerDocument ToDocument(ConllDocument d) => NerDocument.FromWords([.. d.Sentences.Select(s => s.Words)]);

    private static NerModel TrainPass(IReadOnlyList<ConllDocument> documents, IReadOnlyList<CorpusTypes?> tables, NerTrainingOptions options, int[][]? history, Action<int, NerModel>? afterEpoch, Action<string>? log)
    {
        var casing = options.UseCasing ? CasingStatistics.Default : null;
        var clusters = options.UseClusters ? WordClusters.Default : null;

        // Pass 1: every token's hashed features, once.
        var hashes = new List<ulong>(documents.Count * 8000);
        var tokenOffsets = new List<int> { 0 };
        var sentences = new List<(int FirstToken, int[] Gold)>();
        var buffer = new List<ulong>(64);
        for (var di = 0; di < documents.Count; di++)
        {
            var d = documents[di];
            var doc = ToDocument(d);
            var features = new NerFeatures(options.UseGazetteer ? Gazetteer.Default : null, casing, clusters, tables[di]);
            var ctx = features.Prepare(doc);
            if (history is not null)
            {
                NerFeatures.SetHistory(ctx, history[di]);
            }

            for (var si = 0; si < doc.Sentences.Length; si++)
            {
                var s = doc.Sentences[si];
                sentences.Add((tokenOffsets.Count - 1, NerLabels.FromTags(d.Sentences[si].Tags)));
                for (var t = s.FirstToken; t < s.FirstToken + s.TokenCount; t++)
                {
                    buffer.Clear();
                    features.Extract(ctx, s, t, buffer);
                    NerFeatures.ExtractHistory(ctx, s, t, buffer);
                    hashes.AddRange(buffer);
                    tokenOffsets.Add(hashes.Count);
                }
            }
        }

        // Pass 2: rows for features seen often enough, numbered by first appearance (deterministic).
        var counts = new Dictionary<ulong, int>();
        foreach (var h in hashes)
        {
            counts[h] = counts.GetValueOrDefault(h) + 1;
        }

        var rows = new Dictionary<ulong, int>();
        var featureRows = new int[hashes.Count];
        for (var k = 0; k < hashes.Count; k++)
        {
            var h = hashes[k];
            if (counts[h] < options.MinFeatureCount)
            {
                featureRows[k] = -1;
                continue;
            }

            if (!rows.TryGetValue(h, out var row))
            {
                row = rows.Count;
                rows[h] = row;
            }

            featureRows[k] = row;
        }

        counts = null;
        hashes = null;
        log?.Invoke($"{sentences.Count} sentences, {tokenOffsets.Count - 1} tokens, {rows.Count} features");

        var offsets = tokenOffsets.ToArray();
        NerModel Model(float[] w, float[] t, float[] st) => new(rows, w, t, st, options.UseGazetteer, casing is not null, clusters is not null);
        var (weights, transitions, starts) = Perceptron(sentences, offsets, featureRows, rows.Count, options.Seed, options.Epochs, log, afterEpoch is null ? null : (epoch, w, t, st) => afterEpoch(epoch, Model(w, t, st)));
        return Prune(Model(weights, transitions, starts));
    }

    /// <summary>One averaged perceptron over the sentences, shuffled by <paramref name="seed"/>; returns the averaged weights, transitions and starts.</summary>
    private static (float[] Weights, float[] Transitions, float[] Start) Perceptron(List<(int FirstToken, int[] Gold)> sentences, int[] offsets, int[] featureRows, int rowCount, ulong seed, int epochs, Action<string>? log, Action<int, float[], float[], float[]>? afterEpoch)
    {
        var weights = new float[rowCount * L];
        var totals = new double[rowCount * L];
        var trans = new float[L * L];
        var transTotals = new double[L * L];
        var start = new float[L];
        var startTotals = new double[L];
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var rng = new SplitMix64(seed);
        double step = 1;
        var predicted = new int[256];
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            Shuffle(order, ref rng);
            var errors = 0;
            foreach (var si in order)
            {
                var (first, gold) = sentences[si];
                var n = gold.Length;
                if (predicted.Length < n)
                {
                    predicted = new int[n * 2];
                }

                var emission = new float[n * L];
                for (var t = 0; t < n; t++)
                {
                    for (var k = offsets[first + t]; k < offsets[first + t + 1]; k++)
                    {
                        var row = featureRows[k];
                        if (row >= 0)
                        {
                            for (var y = 0; y < L; y++)
                            {
                                emission[t * L + y] += weights[row * L + y];
                            }
                        }
                    }
                }

                var pred = predicted.AsSpan(0, n);
                NerTagger.Viterbi(emission, n, trans, start, pred);
                for (var t = 0; t < n; t++)
                {
                    var g = gold[t];
                    var p = pred[t];
                    if (g != p)
                    {
                        errors++;
                        for (var k = offsets[first + t]; k < offsets[first + t + 1]; k++)
                        {
                            var row = featureRows[k];
                            if (row >= 0)
                            {
                                Update(weights, totals, row * L + g, 1, step);
                                Update(weights, totals, row * L + p, -1, step);
                            }
                        }
                    }

                    var gPrev = t == 0 ? -1 : gold[t - 1];
                    var pPrev = t == 0 ? -1 : pred[t - 1];
                    if (g != p || gPrev != pPrev)
                    {
                        if (t == 0)
                        {
                            Update(start, startTotals, g, 1, step);
                            Update(start, startTotals, p, -1, step);
                        }
                        else
                        {
                            Update(trans, transTotals, gPrev * L + g, 1, step);
                            Update(trans, transTotals, pPrev * L + p, -1, step);
                        }
                    }
                }

                step++;
            }

            log?.Invoke($"epoch {epoch}: {errors} token errors in training");
            if (afterEpoch is not null || epoch == epochs)
            {
                var (w, t, st) = (Average(weights, totals, step), Average(trans, transTotals, step), Average(start, startTotals, step));
                afterEpoch?.Invoke(epoch, w, t, st);
                if (epoch == epochs)
                {
                    return (w, t, st);
                }
            }
        }

        throw new ArgumentException("epochs must be at least 1", nameof(epochs));
    }

    /// <summary>Drops features whose averaged weights all round to nothing in the stored model.</summary>
    private static NerModel Prune(NerModel m)
    {
        var max = 1e-9f;
        foreach (var x in m.Weights)
        {
            max = Math.Max(max, Math.Abs(x));
        }

        var threshold = max / short.MaxValue;
        var rows = new Dictionary<ulong, int>();
        var kept = new List<float>();
        foreach (var (key, row) in m.Rows)
        {
            var span = m.Weights.AsSpan(row * L, L);
            var any = false;
            foreach (var x in span)
            {
                any |= Math.Abs(x) >= threshold;
            }

            if (any)
            {
                rows[key] = rows.Count;
                kept.AddRange(span);
            }
        }

        return new NerModel(rows, [.. kept], m.Transitions, m.Start, m.UsesGazetteer, m.UsesCasing, m.UsesClusters);
    }

    private static void Update(float[] w, double[] totals, int index, float delta, double step)
    {
        w[index] += delta;
        totals[index] += step * delta;
    }

    /// <summary>The average of the weights over all steps so far (the lazy form: w - Σ step·Δ / steps).</summary>
    private static float[] Average(float[] w, double[] totals, double step)
    {
        var avg = new float[w.Length];
        for (var i = 0; i < w.Length; i++)
        {
            avg[i] = (float)(w[i] - totals[i] / step);
        }

        return avg;
    }

    private static void Shuffle(int[] a, ref SplitMix64 rng)
    {
        for (var i = a.Length - 1; i > 0; i--)
        {
            var j = (int)(rng.Next() % (ulong)(i + 1));
            (a[i], a[j]) = (a[j], a[i]);
        }
    }

    private struct SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
