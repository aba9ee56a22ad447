using System.Diagnostics;
using Storyline.Text;
using Storyline.Time;

namespace Storyline.Eval.Time;

/// <summary>The figures of one `storyline eval time` run. Property names become the JSON keys (snake_case).</summary>
public sealed record TimeEvalResult
{
    /// <summary>Which documents were scored: all, dev or held-out.</summary>
    public string Part { get; init; } = "all";

    public int Documents { get; init; }

    public int TimexTrue { get; init; }

    public int TimexPredicted { get; init; }

    public double StrictPrecision { get; init; }

    public double StrictRecall { get; init; }

    public double StrictF1 { get; init; }

    public double RelaxedPrecision { get; init; }

    public double RelaxedRecall { get; init; }

    public double RelaxedF1 { get; init; }

    public double ValueF1 { get; init; }

    public double TypeF1 { get; init; }

    /// <summary>Sentences tagged per second of tagging time (one thread), as a speed figure.</summary>
    public double SentencesPerSecond { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> Errors { get; init; } = [];
}

/// <summary>Runs the time tagger over a folder of TimeML documents, scores it, and optionally dumps its predictions.</summary>
public static class TimeEvaluator
{
    /// <summary>
    /// Half the documents of a set are kept aside: those whose file name hashes odd. Fixed before any tuning, so a
    /// set can be tuned on its dev half and checked on the other.
    /// </summary>
    public static bool IsHeldOut(string file) => (ContentHash.Hash64(Path.GetFileNameWithoutExtension(file)) & 1) == 1;

    public static bool InPart(string file, EvalPart part) => part == EvalPart.All || IsHeldOut(file) == (part == EvalPart.HeldOut);

    /// <param name="mismatches">When given, receives one tab-separated line per error (see <see cref="Mismatches"/>).</param>
    public static TimeEvalResult Run(string folder, string? dumpFolder = null, TimeTagger? tagger = null, EvalPart part = EvalPart.All, List<string>? mismatches = null)
    {
        tagger ??= TimeTagger.Default;
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.tml", SearchOption.AllDirectories).Where(f => InPart(f, part)).OrderBy(f => f, StringComparer.Ordinal).ToList()
            : throw new DirectoryNotFoundException($"{folder}: no such folder");
        if (dumpFolder is not null)
        {
            Directory.CreateDirectory(dumpFolder);
        }

        var total = new TimexCounts();
        var errors = new List<string>();
        var docs = 0;
        long sentences = 0;
        var output = new List<TimeExpression>();
        var loaded = new List<(string Text, TimeReference? Reference)>();
        foreach (var file in files)
        {
            TimeMlDocument doc;
            try
            {
                doc = TimeMlDocument.Load(file);
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
            {
                errors.Add($"{file}: {e.Message}");
                continue;
            }

            docs++;
            var reference = doc.CreationDate is { } d ? new TimeReference(d, "timeml:creation-time") : null;
            output.Clear();
            tagger.Tag(doc.Text, reference, output);
            loaded.Add((doc.Text, reference));
            sentences += CountSentences(doc.Text);
            var predicted = new List<TimeMlTimex>(output.Count);
            foreach (var e in output)
            {
                AddAsTimeMl(doc.Text, e, predicted);
            }

            total += TempEvalScorer.Score(doc.Timexes, predicted);
            mismatches?.AddRange(Mismatches(doc, predicted));
            if (dumpFolder is not null)
            {
                File.WriteAllText(Path.Combine(dumpFolder, Path.GetFileName(file)), TimeMlWriter.Write(doc, predicted));
            }
        }

        // Speed once the JIT has optimised the grammar (tiered compilation needs repeated calls): the best timed
        // pass out of as many as fit in about a second, at most 30.
        var seconds = double.MaxValue;
        var budget = Stopwatch.StartNew();
        for (var pass = 0; pass < 30 && loaded.Count > 0 && (pass < 3 || budget.Elapsed.TotalSeconds < 1); pass++)
        {
            var start = Stopwatch.GetTimestamp();
            foreach (var (text, reference) in loaded)
            {
                output.Clear();
                tagger.Tag(text, reference, output);
            }

            seconds = Math.Min(seconds, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        return new TimeEvalResult
        {
            Part = part switch { EvalPart.Dev => "dev", EvalPart.HeldOut => "held-out", _ => "all" },
            Documents = docs,
            TimexTrue = total.True,
            TimexPredicted = total.Predicted,
            StrictPrecision = total.Precision(total.StrictMatches),
            StrictRecall = total.Recall(total.StrictMatches),
            StrictF1 = total.StrictF1,
            RelaxedPrecision = total.Precision(total.RelaxedMatches),
            RelaxedRecall = total.Recall(total.RelaxedMatches),
            RelaxedF1 = total.RelaxedF1,
            ValueF1 = total.ValueF1,
            TypeF1 = total.TypeF1,
            SentencesPerSecond = seconds is > 0 and < double.MaxValue ? sentences / seconds : 0,
            Errors = errors,
        };
    }

    /// <summary>
    /// The errors of one document, one tab-separated line each: kind (missed: a true expression with no overlapping
    /// prediction; spurious: a prediction overlapping none; value, type or value+type: a relaxed pair whose attribute
    /// differs; span: a relaxed pair with both attributes right but another span), document id, creation value, true
    /// text, type and value, predicted text, type and value, and the sentence around the expression.
    /// </summary>
    public static IEnumerable<string> Mismatches(TimeMlDocument doc, IReadOnlyList<TimeMlTimex> predicted)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(predicted);
        var pairOf = TempEvalScorer.Pairs(doc.Timexes, predicted, out _);
        var paired = new bool[predicted.Count];
        for (var g = 0; g < doc.Timexes.Count; g++)
        {
            var t = doc.Timexes[g];
            if (pairOf[g] < 0)
            {
                yield return Line(doc, "missed", t, null);
                continue;
            }

            var p = predicted[pairOf[g]];
            paired[pairOf[g]] = true;
            var valueOk = string.Equals(p.Value, t.Value, StringComparison.Ordinal);
            var typeOk = p.Type == t.Type;
            var kind = (valueOk, typeOk) switch
            {
                (false, false) => "value+type",
                (false, true) => "value",
                (true, false) => "type",
                _ => p.Start == t.Start && p.Length == t.Length ? null : "span",
            };
            if (kind is not null)
            {
                yield return Line(doc, kind, t, p);
            }
        }

        for (var i = 0; i < predicted.Count; i++)
        {
            if (!paired[i])
            {
                yield return Line(doc, "spurious", null, predicted[i]);
            }
        }
    }

    private static string Line(TimeMlDocument doc, string kind, TimeMlTimex? truth, TimeMlTimex? predicted)
    {
        static string Part(string text, TimeMlTimex? t) => t is null ? "\t\t" : $"{Clean(text.AsSpan(t.Start, t.Length))}\t{TimexTypes.Name(t.Type)}\t{t.Value}";
        var at = (truth ?? predicted)!;
        var text = doc.Text;
        var from = at.Start;
        while (from > 0 && at.Start - from < 200 && !(text[from - 1] == '\n' || (from > 1 && text[from - 2] is '.' or '?' or '!' && char.IsWhiteSpace(text[from - 1]))))
        {
            from--;
        }

        var to = at.End;
        while (to < text.Length && to - at.End < 200 && !(text[to] == '\n' || (text[to] is '.' or '?' or '!' && (to + 1 == text.Length || char.IsWhiteSpace(text[to + 1])))))
        {
            to++;
        }

        to = Math.Min(text.Length, to + 1);
        return $"{kind}\t{doc.Id}\t{doc.CreationValue}\t{Part(text, truth)}\t{Part(text, predicted)}\t{Clean(text.AsSpan(from, to - from))}";
    }

    private static string Clean(ReadOnlySpan<char> s)
    {
        var chars = new char[s.Length];
        for (var i = 0; i < s.Length; i++)
        {
            chars[i] = s[i] is '\t' or '\n' or '\r' ? ' ' : s[i];
        }

        return new string(chars).Trim();
    }

    private static readonly string[] RangeConnectors = [" and ", " to ", " through ", " until ", " till "];

    /// <summary>
    /// One expression as TimeML writes it: a range whose ends are joined by a word ("1994 and 1997", "from May 3 to
    /// May 9", "April 24 and 25") is two TIMEX3 elements, one per end; a hyphenated range ("2017-19") stays one.
    /// </summary>
    internal static void AddAsTimeMl(string text, TimeExpression e, List<TimeMlTimex> output)
    {
        if (e.EndValue is { } endValue)
        {
            var span = text.AsSpan(e.Start, e.Length);
            foreach (var connector in RangeConnectors)
            {
                var at = span.LastIndexOf(connector, StringComparison.OrdinalIgnoreCase);
                if (at > 0)
                {
                    var second = at + connector.Length;
                    output.Add(new TimeMlTimex(e.Start, at, e.Type, e.Value, Mod: e.Mod));
                    output.Add(new TimeMlTimex(e.Start + second, e.Length - second, e.Type, endValue, Mod: e.Mod));
                    return;
                }
            }
        }

        output.Add(new TimeMlTimex(e.Start, e.Length, e.Type, e.Value, Mod: e.Mod));
    }

    /// <summary>Rough sentence count (end punctuation followed by space, and line breaks between paragraphs), for the speed figure only.</summary>
    internal static int CountSentences(string text)
    {
        var n = 0;
        var inSentence = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                inSentence = true;
            }
            else if (inSentence && ((c is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]))) || (c == '\n' && i + 1 < text.Length && text[i + 1] == '\n')))
            {
                n++;
                inSentence = false;
            }
        }

        return inSentence ? n + 1 : n;
    }
}
