namespace Storyline.Dedup;

/// <summary>Settings of duplicate and wire-copy detection. Immutable; the defaults are the tuned ones.</summary>
public sealed record DedupOptions
{
    /// <summary>Jaccard similarity of word shingles from which two articles are near duplicates.</summary>
    public double NearDuplicateSimilarity { get; init; } = 0.8;

    /// <summary>Words per shingle.</summary>
    public int ShingleSize { get; init; } = 5;

    /// <summary>MinHash permutations; the LSH bands and rows are chosen from these and the target similarity.</summary>
    public int Permutations { get; init; } = 128;

    /// <summary>
    /// Paragraphs with fewer words are not fingerprinted: bylines, "Advertisement" and one-line captions recur
    /// across unrelated articles and say nothing about shared copy.
    /// </summary>
    public int MinParagraphWords { get; init; } = 8;

    /// <summary>Words at the start (and end) of a paragraph that identify it when the rest was edited.</summary>
    public int EdgeWords { get; init; } = 12;

    /// <summary>Fewest shared paragraphs for a wire-copy link.</summary>
    public int MinSharedParagraphs { get; init; } = 2;

    /// <summary>Fewest words in the shared paragraphs for a wire-copy link.</summary>
    public int MinSharedWords { get; init; } = 50;

    /// <summary>Least share of the shorter article's paragraph text that shared paragraphs must cover.</summary>
    public double MinContainment { get; init; } = 0.3;

    /// <summary>Least share when only one paragraph is shared (short articles: one paragraph may be all of one).</summary>
    public double MinSingleParagraphContainment { get; init; } = 0.6;

    /// <summary>
    /// A paragraph carried by more articles than this is boilerplate (a newsletter box, a copyright line), not
    /// copy: it stops producing candidates, which also keeps the cost per article bounded.
    /// </summary>
    public int MaxParagraphArticles { get; init; } = 64;

    /// <summary>
    /// Links an article keeps to earlier copies: the likely origins and the closest others. Copies of one story link
    /// to each other through them; linking every copy to every other grows with the square of the copies.
    /// </summary>
    public int MaxLinksPerArticle { get; init; } = 16;
}
