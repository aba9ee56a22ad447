using Storyline.Eval.Ner;

namespace Storyline.Entities;

/// <summary>Options of <see cref="NerTrainer"/>.</summary>
public sealed record NerTrainingOptions
{
    public int Epochs { get; init; } = 6;

    /// <summary>Seed of the per-epoch sentence shuffles.</summary>
    public ulong Seed { get; init; } = 20260101;

    /// <summary>Features seen fewer times in training are dropped (they cannot be learnt and bloat the model).</summary>
    public int MinFeatureCount { get; init; } = 2;

    public bool UseGazetteer { get; init; } = true;
}

/// <summary>
/// Trains the tagger's averaged perceptron (Collins 2002): for each training sentence, in a seeded shuffled
/// order, decode with Viterbi and move weights towards the gold labels and away from the prediction; the model
/// is the average of the weights over all steps. Deterministic: the same data and options give the same bytes.
/// </summary>
public static class NerTrainer
{
    private const int L = NerLabels.Count;

    /// <summary>Trains on CoNLL documents. <paramref name="afterEpoch"/>, if given, sees the averaged model after each epoch.</summary>
    public static NerTagger Train(IReadOnlyList<ConllDocument> documents, NerTrainingOptions options, Action<int, NerTagger>? afterEpoch = null, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(options);
        var features = new NerFeatures(options.UseGazetteer ? Gazetteer.Default : null);

        // Pass 1: every token's hashed features, once.
        var hashes = new List<ulong>(documents.Count * 8000);
        var tokenOffsets = new List<int> { 0 };
        var sentences = new List<(int FirstToken, int[] Gold)>();
        var buffer = new List<ulong>(64);
        foreach (var d in documents)
        {
            var doc = NerDocument.FromWords([.. d.Sentences.Select(s => s.Words)]);
            var ctx = features.Prepare(doc);
            for (var si = 0; si < doc.Sentences.Length; si++)
            {
                var s = doc.Sentences[si];
                sentences.Add((tokenOffsets.Count - 1, NerLabels.FromTags(d.Sentences[si].Tags)));
                for (var t = s.FirstToken; t < s.FirstToken + s.TokenCount; t++)
                {
                    buffer.Clear();
                    features.Extract(ctx, s, t, buffer);
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

        var weights = new float[rows.Count * L];
        var totals = new double[rows.Count * L];
        var trans = new float[L * L];
        var transTotals = new double[L * L];
        var start = new float[L];
        var startTotals = new double[L];
        var offsets = tokenOffsets.ToArray();
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var rng = new SplitMix64(options.Seed);
        double step = 1;
        var predicted = new int[256];
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
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
            if (afterEpoch is not null || epoch == options.Epochs)
            {
                var model = new NerModel(rows, Average(weights, totals, step), Average(trans, transTotals, step), Average(start, startTotals, step), options.UseGazetteer);
                var tagger = new NerTagger(model);
                afterEpoch?.Invoke(epoch, tagger);
                if (epoch == options.Epochs)
                {
                    return Prune(tagger);
                }
            }
        }

        throw new ArgumentException("epochs must be at least 1", nameof(options));
    }

    /// <summary>Drops features whose averaged weights all round to nothing in the stored model.</summary>
    private static NerTagger Prune(NerTagger tagger)
    {
        var m = tagger.Model;
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

        return new NerTagger(new NerModel(rows, [.. kept], m.Transitions, m.Start, m.UsesGazetteer));
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
