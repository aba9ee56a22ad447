using System.Collections.Immutable;

namespace Storyline.Model;

/// <summary>How two articles are linked.</summary>
public enum LinkKind
{
    /// <summary>Same normalised text.</summary>
    ExactDuplicate,

    /// <summary>Near-identical text (MinHash similarity above the threshold).</summary>
    NearDuplicate,

    /// <summary>Shares paragraphs of the same wire copy; the shared paragraphs are listed.</summary>
    SharesWireCopy,
}

/// <summary>A paragraph of article A (index into its paragraphs) that stands again as paragraph B of article B.</summary>
public readonly record struct ParagraphPair(int A, int B);

/// <summary>A link between two articles. <paramref name="A"/> is the likely origin where one is known.</summary>
/// <param name="SharedParagraphs">Paragraphs of A that stand again in B.</param>
public sealed record ArticleLink(string A, string B, LinkKind Kind, double Similarity, ImmutableArray<ParagraphPair> SharedParagraphs);

/// <summary>A set of articles about one news story.</summary>
/// <param name="Id">Stable id: derived from the member that founded the story.</param>
/// <param name="Label">Its most representative title.</param>
/// <param name="ArticleIds">Members, in the order they joined.</param>
public sealed record Story(string Id, string Label, ImmutableArray<string> ArticleIds);
