using System.Diagnostics;
using System.Text.Json.Serialization;
using Storyline.Entities;

namespace Storyline.Eval.Ner;

/// <summary>Scores of one type.</summary>
public sealed record NerTypeScore(double F1, double Precision, double Recall);

/// <summary>The result of <c>storyline eval ner</c>, in the JSON shape the issue names.</summary>
public sealed record NerEvalResult
{
    public int Sentences { get; init; }

    public int Tokens { get; init; }

    public double F1 { get; init; }

    public double Precision { get; init; }

    public double Recall { get; init; }

    public required IReadOnlyDictionary<string, NerTypeScore> PerType { get; init; }

    /// <summary>Tagging speed on this machine (features, decoding; one thread), by the wall clock.</summary>
    public double TokensPerSecond { get; init; }

    /// <summary>Tagging speed per second of processor time: the one-core speed even when other work shares the machine.</summary>
    public double TokensPerCpuSecond { get; init; }

    /// <summary>The scorer's counts, for tests and the text report.</summary>
    [JsonIgnore]
    public NerScorer? Scorer { get; init; }
}

/// <summary>Tags every document of a CoNLL set and scores it with <see cref="NerScorer"/>.</summary>
public static class NerEvaluation
{
    /// <summary>
    /// Scores a prediction file in conlleval's input format (token, optional columns, gold tag, predicted tag; a
    /// blank line between sentences), as written by <c>--dump</c> or any other tagger.
    /// </summary>
    public static NerScorer ScoreDump(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var scorer = new NerScorer();
        var gold = new List<string>();
        var predicted = new List<string>();
        var lineNumber = 0;
        void Flush()
        {
            if (gold.Count > 0)
            {
                scorer.Add([.. gold], [.. predicted]);
                gold.Clear();
                predicted.Clear();
            }
        }

        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var columns = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length == 0)
            {
                Flush();
                continue;
            }

            if (columns[0] == "-DOCSTART-")
            {
                Flush();
                continue;
            }

            if (columns.Length < 3)
            {
                throw new ConllFormatException($"{name}:{lineNumber}: expected 'token gold predicted'");
            }

            gold.Add(columns[^2]);
            predicted.Add(columns[^1]);
        }

        Flush();
        return scorer;
    }

    /// <summary>Tags and scores. <paramref name="dump"/>, if given, receives "token gold predicted" lines (conlleval's input).</summary>
    public static NerEvalResult Run(NerTagger tagger, IReadOnlyList<ConllDocument> documents, TextWriter? dump = null)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(documents);
        var scorer = new NerScorer();
        var predictions = new List<int[]>(documents.Count);
        var inputs = documents.Select(d => NerDocument.FromWords([.. d.Sentences.Select(s => s.Words)])).ToList();
        // Load the lazily read resources (gazetteers, casing table) and let the JIT reach its optimised tier
        // before timing, so the figure is the steady speed of tagging a large corpus.
        var warmTokens = 0;
        for (var round = 0; round < 2 && inputs.Count > 0; round++)
        {
            foreach (var doc in inputs)
            {
                tagger.Tag(doc);
                warmTokens += doc.Tokens.Length;
                if (warmTokens > 60_000 * (round + 1))
                {
                    break;
                }
            }
        }

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        foreach (var doc in inputs)
        {
            predictions.Add(tagger.Tag(doc));
        }

        watch.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var tokens = 0;
        for (var d = 0; d < documents.Count; d++)
        {
            var labels = predictions[d];
            var offset = 0;
            foreach (var s in documents[d].Sentences)
            {
                var predicted = new string[s.Words.Count];
                for (var i = 0; i < predicted.Length; i++)
                {
                    predicted[i] = NerLabels.BioName(labels[offset + i]);
                }

                offset += predicted.Length;
                tokens += predicted.Length;
                scorer.Add(s.Tags, predicted);
                if (dump is not null)
                {
                    for (var i = 0; i < predicted.Length; i++)
                    {
                        dump.Write(s.Words[i]);
                        dump.Write(' ');
                        dump.Write(s.Tags[i]);
                        dump.Write(' ');
                        dump.Write(predicted[i]);
                        dump.Write('\n');
                    }

                    dump.Write('\n');
                }
            }
        }

        var overall = scorer.Overall;
        return new NerEvalResult
        {
            Sentences = scorer.Sentences,
            Tokens = scorer.Tokens,
            F1 = Math.Round(overall.F1, 4),
            Precision = Math.Round(overall.Precision, 4),
            Recall = Math.Round(overall.Recall, 4),
            PerType = scorer.PerType.ToDictionary(kv => kv.Key, kv => new NerTypeScore(Math.Round(kv.Value.F1, 4), Math.Round(kv.Value.Precision, 4), Math.Round(kv.Value.Recall, 4))),
            TokensPerSecond = Math.Round(tokens / Math.Max(watch.Elapsed.TotalSeconds, 1e-9)),
            TokensPerCpuSecond = Math.Round(tokens / Math.Max(cpu, 1e-9)),
            Scorer = scorer,
        };
    }
}
