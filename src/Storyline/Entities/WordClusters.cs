using System.IO.Compression;
using System.Text.Json;
using Storyline.Text;

namespace Storyline.Entities;

/// <summary>
/// Word classes learned from unlabeled news: words that occur between the same neighbours fall in one class
/// ("Monday" with "Tuesday", "Peskov" with other surnames), so the tagger generalises to words it never saw
/// labelled. Built by k-means over positive-PMI vectors of left and right neighbours, at a fine and a coarse
/// granularity, optionally also a finest and a coarsest; only the numbers are kept (word, class ids). Immutable.
/// </summary>
internal sealed class WordClusters
{
    internal const string Resource = "clusters.tsv.gz";

    private static readonly Lazy<WordClusters?> LazyDefault = new(() =>
        Gazetteer.HasResource(Resource) ? new WordClusters(Gazetteer.ReadLines(Resource)) : null);

    private readonly Dictionary<ulong, (ushort Fine, ushort Coarse, ushort Finest, ushort Coarsest)> _classes = [];

    private WordClusters(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var f = line.Split('\t');
            if (f.Length >= 3 && ushort.TryParse(f[1], out var fine) && ushort.TryParse(f[2], out var coarse))
            {
                // Tables with only the two original granularities leave the extra two at 0 (no class).
                var finest = f.Length >= 5 && ushort.TryParse(f[3], out var a) ? (ushort)(a + 1) : (ushort)0;
                var coarsest = f.Length >= 5 && ushort.TryParse(f[4], out var b) ? (ushort)(b + 1) : (ushort)0;
                _classes[FeatureHash.OfFolded(f[0])] = ((ushort)(fine + 1), (ushort)(coarse + 1), finest, coarsest);
            }
        }
    }

    public static WordClusters? Default => LazyDefault.Value;

    /// <summary>The word's classes at four granularities (1-based); 0 for a word the table does not hold.</summary>
    public (ushort Fine, ushort Coarse, ushort Finest, ushort Coarsest) Of(ulong foldedWord) => _classes.GetValueOrDefault(foldedWord);

    /// <summary>
    /// Learns the classes from JSON Lines files (gzip or not) with a "text" field and writes the table (gzip).
    /// With <paramref name="finest"/> and <paramref name="coarsest"/> above 0 it adds those two granularities as
    /// third and fourth columns.
    /// </summary>
    public static int Build(IEnumerable<string> jsonlFiles, Stream output, int fine = 256, int coarse = 48, int finest = 0, int coarsest = 0, int minCount = 5, int contextWords = 1500, int iterations = 8, Action<string>? log = null)
    {
        // Pass 1: the folded token stream, sentence by sentence.
        var sentences = new List<int[]>();
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new List<string>();
        var counts = new List<int>();
        var tokens = new List<Token>();
        foreach (var text in UnlabeledTexts.Read(jsonlFiles))
        {
            tokens.Clear();
            Tokenizer.Tokenize(text, tokens);
            foreach (var s in SentenceSplitter.Split(text, tokens))
            {
                var ids = new int[s.TokenCount];
                for (var k = 0; k < s.TokenCount; k++)
                {
                    var w = TextNormalizer.StripDiacritics(text.Substring(tokens[s.FirstToken + k].Start, tokens[s.FirstToken + k].Length)).ToLowerInvariant();
                    if (!vocabulary.TryGetValue(w, out var id))
                    {
                        id = words.Count;
                        vocabulary[w] = id;
                        words.Add(w);
                        counts.Add(0);
                    }

                    counts[id]++;
                    ids[k] = id;
                }

                sentences.Add(ids);
            }
        }

        // Context dimensions: the most frequent words, left and right. Ties broken by the word, so runs agree.
        var byFrequency = Enumerable.Range(0, words.Count).OrderByDescending(i => counts[i]).ThenBy(i => words[i], StringComparer.Ordinal).ToList();
        var contextIndex = new Dictionary<int, int>();
        foreach (var id in byFrequency.Take(contextWords))
        {
            contextIndex[id] = contextIndex.Count;
        }

        var kept = byFrequency.Where(i => counts[i] >= minCount && words[i].Any(char.IsLetter)).ToList();
        var row = new Dictionary<int, int>();
        foreach (var id in kept)
        {
            row[id] = row.Count;
        }

        var cooc = new Dictionary<long, float>();
        var dims = 2 * contextWords + 2;
        foreach (var s in sentences)
        {
            for (var k = 0; k < s.Length; k++)
            {
                if (!row.TryGetValue(s[k], out var r))
                {
                    continue;
                }

                var left = k == 0 ? 2 * contextWords : contextIndex.TryGetValue(s[k - 1], out var li) ? li : -1;
                var right = k + 1 == s.Length ? 2 * contextWords + 1 : contextIndex.TryGetValue(s[k + 1], out var ri) ? contextWords + ri : -1;
                foreach (var d in (ReadOnlySpan<int>)[left, right])
                {
                    if (d >= 0)
                    {
                        var key = (long)r * dims + d;
                        cooc[key] = cooc.GetValueOrDefault(key) + 1;
                    }
                }
            }
        }

        // Positive PMI, rows normalised to unit length.
        var rowTotal = new double[kept.Count];
        var dimTotal = new double[dims];
        double total = 0;
        foreach (var (key, v) in cooc)
        {
            rowTotal[key / dims] += v;
            dimTotal[key % dims] += v;
            total += v;
        }

        var vectors = new List<(int Dim, float Value)>[kept.Count];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = [];
        }

        foreach (var (key, v) in cooc.OrderBy(kv => kv.Key))
        {
            var r = (int)(key / dims);
            var d = (int)(key % dims);
            var pmi = Math.Log(v * total / (rowTotal[r] * dimTotal[d]));
            if (pmi > 0)
            {
                vectors[r].Add((d, (float)pmi));
            }
        }

        foreach (var v in vectors)
        {
            var norm = Math.Sqrt(v.Sum(x => (double)x.Value * x.Value));
            for (var j = 0; j < v.Count; j++)
            {
                v[j] = (v[j].Dim, (float)(v[j].Value / Math.Max(norm, 1e-9)));
            }
        }

        log?.Invoke($"{kept.Count} words, {dims} context dimensions");
        var fineOf = KMeans(vectors, dims, Math.Min(fine, kept.Count), iterations, log);
        var coarseOf = KMeans(vectors, dims, Math.Min(coarse, kept.Count), iterations, log);
        var fourLevels = finest > 0 && coarsest > 0;
        var finestOf = fourLevels ? KMeans(vectors, dims, Math.Min(finest, kept.Count), iterations, log) : [];
        var coarsestOf = fourLevels ? KMeans(vectors, dims, Math.Min(coarsest, kept.Count), iterations, log) : [];

        using var gz = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gz) { NewLine = "\n" };
        var extra = fourLevels ? $"\tfinest class (of {finest})\tcoarsest class (of {coarsest})" : "";
        writer.WriteLine($"# word\tfine class (of {fine})\tcoarse class (of {coarse}){extra}: k-means over PPMI neighbour vectors of unlabeled news");
        foreach (var i in Enumerable.Range(0, kept.Count).OrderBy(i => words[kept[i]], StringComparer.Ordinal))
        {
            writer.Write(words[kept[i]]);
            writer.Write('\t');
            writer.Write(fineOf[i]);
            writer.Write('\t');
            writer.Write(coarseOf[i]);
            if (fourLevels)
            {
                writer.Write('\t');
                writer.Write(finestOf[i]);
                writer.Write('\t');
                writer.Write(coarsestOf[i]);
            }

            writer.WriteLine();
        }

        return kept.Count;
    }

    /// <summary>Spherical k-means; the k most frequent words seed the centroids, so the result is deterministic.</summary>
    private static int[] KMeans(List<(int Dim, float Value)>[] vectors, int dims, int k, int iterations, Action<string>? log)
    {
        var centroids = new float[k][];
        for (var c = 0; c < k; c++)
        {
            centroids[c] = new float[dims];
            foreach (var (d, v) in vectors[c])
            {
                centroids[c][d] = v;
            }
        }

        var assign = new int[vectors.Length];
        for (var it = 0; it < iterations; it++)
        {
            var changed = 0;
            for (var i = 0; i < vectors.Length; i++)
            {
                var best = 0;
                var bestScore = float.NegativeInfinity;
                var v = vectors[i];
                for (var c = 0; c < k; c++)
                {
                    var cc = centroids[c];
                    var score = 0f;
                    foreach (var (d, x) in v)
                    {
                        score += cc[d] * x;
                    }

                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = c;
                    }
                }

                if (assign[i] != best || it == 0)
                {
                    changed++;
                }

                assign[i] = best;
            }

            foreach (var cc in centroids)
            {
                Array.Clear(cc);
            }

            for (var i = 0; i < vectors.Length; i++)
            {
                var cc = centroids[assign[i]];
                foreach (var (d, x) in vectors[i])
                {
                    cc[d] += x;
                }
            }

            foreach (var cc in centroids)
            {
                var norm = Math.Sqrt(cc.Sum(x => (double)x * x));
                if (norm > 0)
                {
                    for (var d = 0; d < cc.Length; d++)
                    {
                        cc[d] = (float)(cc[d] / norm);
                    }
                }
            }

            log?.Invoke($"k-means k={k} iteration {it + 1}: {changed} words moved");
        }

        return assign;
    }
}
