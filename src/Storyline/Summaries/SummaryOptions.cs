namespace Storyline.Summaries;

/// <summary>How sentences are chosen for a story's summary.</summary>
public enum SummaryMethod
{
    /// <summary>
    /// Maximal marginal relevance: each next sentence is the one most central to the story (close to its word
    /// centroid, early in its article, carried or echoed by the other articles) and least like the sentences
    /// already chosen.
    /// </summary>
    Mmr,

    /// <summary>Sentences closest to the story's word centroid, skipping those too like one already chosen.</summary>
    Centroid,

    /// <summary>Sentences ranked by PageRank over the word-overlap graph of all sentences (Mihalcea and Tarau, 2004).</summary>
    TextRank,

    /// <summary>The baseline: the first sentence of each article in turn, then the second, and so on.</summary>
    Lead,
}

/// <summary>Options of <see cref="StorySummarizer"/>. Immutable; the defaults are the ones measured best on the dev side of multinews-val.</summary>
public sealed record SummaryOptions
{
    public static SummaryOptions Default { get; } = new();

    /// <summary>Sentences are added until the summary has at least this many words.</summary>
    public int Words { get; init; } = 100;

    public SummaryMethod Method { get; init; } = SummaryMethod.Mmr;

    /// <summary>MMR's trade-off: 1 ranks by relevance alone, 0 by novelty alone.</summary>
    public double Lambda { get; init; } = 0.3;

    /// <summary>Weight of the position prior (earlier in its article is more central) in a sentence's relevance.</summary>
    public double PositionWeight { get; init; } = 0.5;

    /// <summary>Weight of the share of the story's articles that carry the sentence in its relevance.</summary>
    public double SupportWeight { get; init; } = 1.0;

    /// <summary>Weight of the other articles' agreement (mean over them of the best similarity to one of their sentences) in a sentence's relevance.</summary>
    public double AgreementWeight { get; init; } = 1.0;

    /// <summary>Sentences whose word overlap (cosine of their content words) reaches this are one sentence, citing every article carrying one of them.</summary>
    public double DuplicateSimilarity { get; init; } = 0.75;

    /// <summary>Centroid and TextRank skip a sentence this similar to one already chosen.</summary>
    public double RedundancySimilarity { get; init; } = 0.5;

    /// <summary>Shorter sentences are not candidates (fragments, captions, datelines).</summary>
    public int MinSentenceWords { get; init; } = 6;

    /// <summary>Longer sentences are not candidates (run-together lists and missed sentence ends).</summary>
    public int MaxSentenceWords { get; init; } = 80;
}
