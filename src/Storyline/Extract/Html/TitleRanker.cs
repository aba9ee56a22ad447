using System.Globalization;
using System.Reflection;
using System.Text;
using Storyline.Extract;
using Storyline.Model;

namespace Storyline.Extract.Html;

/// <summary>The features of a title candidate; <see cref="TitleRanker.FeatureNames"/> gives each its name in the weights file, in this order.</summary>
internal enum TitleFeature
{
    Rule,
    H1,
    H1First,
    H1Full,
    H1InContent,
    H1BeforeContent,
    H1AfterContent,
    SubH2,
    SubH3,
    SubInContent,
    SubFirstInContent,
    SubBeforeContent,
    ElTitleClass,
    ElInLink,
    ElInChrome,
    TagWhole,
    TagPrefix,
    TagSuffix,
    TagMiddle,
    TagOnePart,
    TagRestIsSite,
    TagRestHasSite,
    OgWhole,
    OgPart,
    OgRestIsSite,
    LdWhole,
    LdPart,
    TwitterWhole,
    KeyH1,
    KeyOg,
    KeyLd,
    KeyTag,
    KeyTagRun,
    KeySub,
    KeyRule,
    KeySources,
    ExactSources,
    Words1,
    Words2To3,
    Words21Plus,
    Chars120Plus,
    Capitals,
    HasSeparator,
    HasSite,
    IsSite,
    TitleWordsShare,
    TitleWordsCovered,
    EndsColon,
    RuleTag,
    RuleH1,
    RuleKeyH1,
    RuleKeyTag,
    H1InContentRuleOffH1,
    SubFirstRuleOffH1,
    SubFirstNoH1InContent,
    H1InContentRuleTag,
    ContentOpens,
    ContentFirstHeading,
    ContentOpensRuleOffH1,
    OpensWithMark,
    KickerBeforeH1,
    RuleDerived,
    Paragraph,
}

/// <summary>
/// A page's title candidate (a heading, the title tag or a run of its parts, a meta or JSON-LD title) with the
/// features the <see cref="TitleRanker"/> weighs, indexed by <see cref="TitleRanker.FeatureNames"/>.
/// </summary>
internal sealed class TitleCandidate(string text, string source)
{
    public string Text { get; } = text;

    /// <summary>Where the text was first found ("html:h1", "html:title", "meta:og:title", …), the value's source.</summary>
    public string Source { get; } = source;

    /// <summary>The text's <see cref="HtmlMetadata"/> key (lower-cased letters and digits), which spellings of the same words share.</summary>
    public string Key { get; init; } = "";

    public double[] Features { get; } = new double[TitleRanker.FeatureNames.Length];

    public bool Has(TitleFeature feature) => Features[(int)feature] > 0;

    /// <summary>Sets a feature; a text found in several places keeps the largest value any gave it.</summary>
    public void Set(TitleFeature feature, double value = 1) => Features[(int)feature] = Math.Max(Features[(int)feature], value);
}

/// <summary>
/// Chooses a page's title among its candidates by a linear score: a conditional logit (softmax over one page's
/// candidates) whose weights <c>storyline train title-ranker</c> learns from extraction sets with true titles.
/// The weights ship as an embedded resource (Resources/title-ranker.tsv, see Resources/NOTICE.md).
/// </summary>
internal sealed class TitleRanker
{
    /// <summary>The features, in the order of <see cref="TitleCandidate.Features"/>; the weights file names them.</summary>
    public static readonly string[] FeatureNames =
    [
        "rule",
        "h1", "h1.first", "h1.full", "h1.in-content", "h1.before-content", "h1.after-content",
        "sub.h2", "sub.h3", "sub.in-content", "sub.first-in-content", "sub.before-content",
        "el.title-class", "el.in-link", "el.in-chrome",
        "tag.whole", "tag.prefix", "tag.suffix", "tag.middle", "tag.one-part", "tag.rest-is-site", "tag.rest-has-site",
        "og.whole", "og.part", "og.rest-is-site", "ld.whole", "ld.part", "twitter.whole",
        "key.h1", "key.og", "key.ld", "key.tag", "key.tag-run", "key.sub", "key.rule", "key.sources",
        "exact.sources",
        "words.1", "words.2-3", "words.21+", "chars.120+", "capitals", "has-separator", "has-site", "is-site",
        "title-words.share", "title-words.covered", "ends-colon",
        "rule.tag", "rule.h1", "rule.key.h1", "rule.key.tag",
        "h1.in-content.rule-off-h1", "sub.first.rule-off-h1", "sub.first.no-h1-in-content", "h1.in-content.rule-tag",
        "content.opens", "content.first-heading", "content.opens.rule-off-h1",
        "opens-with-mark", "kicker-before-h1", "rule.derived", "paragraph",
    ];

    static TitleRanker()
    {
        if (FeatureNames.Length != Enum.GetValues<TitleFeature>().Length)
        {
            throw new InvalidOperationException("every title feature needs its name in the weights file");
        }
    }

    private static readonly Dictionary<string, int> Index = FeatureNames.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);

    private readonly double[] _weights;

    public TitleRanker(double[] weights)
    {
        if (weights.Length != FeatureNames.Length)
        {
            throw new ArgumentException($"{weights.Length} weights for {FeatureNames.Length} features", nameof(weights));
        }

        _weights = weights;
    }

    /// <summary>The index of feature <paramref name="name"/>.</summary>
    public static int Feature(string name) => Index[name];

    /// <summary>The shipped model.</summary>
    public static TitleRanker Default { get; } = LoadDefault();

    private static TitleRanker LoadDefault()
    {
        const string name = "Storyline.Extract.Html.Resources.title-ranker.tsv";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Reads "feature TAB weight" lines ('#' comments); every feature must be given, and only those.</summary>
    public static TitleRanker Parse(string text)
    {
        var w = new double[FeatureNames.Length];
        var seen = new bool[FeatureNames.Length];
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length != 2 || !Index.TryGetValue(cols[0], out var i) || !double.TryParse(cols[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new FormatException($"title ranker: bad line '{line}'");
            }

            w[i] = value;
            seen[i] = true;
        }

        if (Array.IndexOf(seen, false) is var missing and >= 0)
        {
            throw new FormatException($"title ranker: no weight for '{FeatureNames[missing]}'");
        }

        return new TitleRanker(w);
    }

    /// <summary>The weights as the file holds them, one "feature TAB weight" a line after a comment header.</summary>
    public string Write(string header)
    {
        var sb = new StringBuilder();
        foreach (var line in header.Split('\n'))
        {
            sb.Append("# ").Append(line).Append('\n');
        }

        for (var i = 0; i < _weights.Length; i++)
        {
            sb.Append(FeatureNames[i]).Append('\t').Append(_weights[i].ToString("0.######", CultureInfo.InvariantCulture)).Append('\n');
        }

        return sb.ToString();
    }

    public double Weight(string feature) => _weights[Index[feature]];

    /// <summary>The same weights with <paramref name="margin"/> added to the rules' choice: another candidate must beat it by that much.</summary>
    public TitleRanker WithRuleMargin(double margin)
    {
        var w = (double[])_weights.Clone();
        w[Index["rule"]] += margin;
        return new TitleRanker(w);
    }

    public double Score(TitleCandidate candidate) => Score(candidate.Features);

    public double Score(double[] f)
    {
        var s = 0.0;
        for (var i = 0; i < f.Length; i++)
        {
            s += _weights[i] * f[i];
        }

        return s;
    }

    /// <summary>The best-scoring candidate; the first of equals. Null for none.</summary>
    public TitleCandidate? Choose(IReadOnlyList<TitleCandidate> candidates)
    {
        TitleCandidate? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var c in candidates)
        {
            var s = Score(c);
            if (s > bestScore)
            {
                best = c;
                bestScore = s;
            }
        }

        return best;
    }

    /// <summary>The L2 penalty training uses unless told otherwise.</summary>
    public const double DefaultL2 = 0.001;

    /// <summary>One page for training: its candidates' features and which of them is the true title.</summary>
    public sealed record TrainingPage(double[][] Features, int Truth)
    {
        /// <summary>The candidates' texts, for looking into what the ranker gets wrong.</summary>
        public IReadOnlyList<string> Texts { get; init; } = [];
    }

    /// <summary>
    /// Training pages from HTML pages with their true titles: each page's candidates as the extractor finds them, the
    /// true one found by whitespace-normalised equality. A page is left out (null) when its truth is not among its
    /// candidates, as nothing could rank it first, or when the ranker is not asked (its h1 is what its title tags say).
    /// </summary>
    public static IEnumerable<TrainingPage?> Examples(IEnumerable<(DecodedPage Page, string Title)> pages)
    {
        IReadOnlyList<TitleCandidate> seen = [];
        var extractor = new HtmlPageExtractor(candidates => seen = candidates);
        var statistics = LineStatistics.Empty;
        foreach (var (page, title) in pages)
        {
            seen = [];
            extractor.Extract(page, statistics);
            var truth = Collapse(title);
            var index = -1;
            for (var i = 0; i < seen.Count && index < 0; i++)
            {
                index = Collapse(seen[i].Text) == truth ? i : -1;
            }

            yield return index < 0 ? null : new TrainingPage([.. seen.Select(c => c.Features)], index) { Texts = [.. seen.Select(c => c.Text)] };
        }

        static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// Fits the weights by full-batch gradient descent on the mean negative log-likelihood of each page's true
    /// candidate under a softmax over its candidates, with an L2 penalty; a fixed number of steps from zero weights,
    /// pages taken in the order given, so the same pages give the same weights.
    /// </summary>
    public static TitleRanker Train(IReadOnlyList<TrainingPage> pages, int iterations = 2000, double learningRate = 0.5, double l2 = DefaultL2)
    {
        var n = FeatureNames.Length;
        var w = new double[n];
        var grad = new double[n];
        var scores = new List<double>();
        for (var it = 0; it < iterations; it++)
        {
            Array.Clear(grad);
            foreach (var page in pages)
            {
                scores.Clear();
                var max = double.NegativeInfinity;
                foreach (var f in page.Features)
                {
                    var s = 0.0;
                    for (var i = 0; i < n; i++)
                    {
                        s += w[i] * f[i];
                    }

                    scores.Add(s);
                    max = Math.Max(max, s);
                }

                var z = 0.0;
                for (var c = 0; c < scores.Count; c++)
                {
                    scores[c] = Math.Exp(scores[c] - max);
                    z += scores[c];
                }

                // d(-log p_truth)/dw = E_p[f] - f_truth.
                for (var c = 0; c < scores.Count; c++)
                {
                    var p = scores[c] / z - (c == page.Truth ? 1 : 0);
                    if (p == 0)
                    {
                        continue;
                    }

                    var f = page.Features[c];
                    for (var i = 0; i < n; i++)
                    {
                        grad[i] += p * f[i];
                    }
                }
            }

            for (var i = 0; i < n; i++)
            {
                w[i] -= learningRate * ((grad[i] / Math.Max(1, pages.Count)) + (l2 * w[i]));
            }
        }

        // Rounded as the file writes them, so a model in memory scores as the same model read back.
        return new TitleRanker([.. w.Select(x => Math.Round(x, 6))]);
    }
}
