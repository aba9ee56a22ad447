using System.Collections.Immutable;

namespace Storyline.Quotes;

/// <summary>A span of characters of a text: <c>(start, length)</c>, as every annotation is stored.</summary>
public readonly record struct CharSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static CharSpan FromBounds(int start, int end) => new(start, end - start);

    public bool Overlaps(CharSpan other) => Start < other.End && other.Start < End;

    public string Of(string text) => text.Substring(Start, Length);
}

/// <summary>How the quote reports the words.</summary>
public enum QuoteKind
{
    /// <summary>The words inside quotation marks.</summary>
    Direct,

    /// <summary>Reported speech with a quoted part inside it ("accused the government of 'attacking' ...").</summary>
    Mixed,

    /// <summary>Reported speech without quotation marks ("Peskov said there were no plans ...").</summary>
    Indirect,
}

/// <summary>
/// One attributed statement in an article: what was said, by whom, through which cue words. All positions are
/// spans of the text the quote was found in. Immutable.
/// </summary>
public sealed record Quote
{
    /// <summary>From the first to the last character of the content (quotation marks included for direct quotes).</summary>
    public required CharSpan Content { get; init; }

    /// <summary>The pieces of the content, in order: one for a plain quote, several when the attribution splits it
    /// ("A," he said, "B.") or the quote runs over several paragraphs.</summary>
    public ImmutableArray<CharSpan> Fragments { get; init; } = [];

    /// <summary>The words naming the speaker where the quote is attributed ("he", "the spokesman", "Kremlin spokesman Dmitry Peskov"); null when the text names nobody.</summary>
    public CharSpan? Speaker { get; init; }

    /// <summary>For a pronoun speaker, the name it refers to (an earlier mention), when the text gives enough evidence.</summary>
    public CharSpan? SpeakerAntecedent { get; init; }

    /// <summary>The cue words ("said", "told reporters", "according to").</summary>
    public CharSpan? Cue { get; init; }

    public QuoteKind Kind { get; init; }

    /// <summary>The speaker as an entity name when a resolver knew it, else the speaker's own words (a role stays a role); null when unknown.</summary>
    public string? SpeakerName { get; init; }

    /// <summary>The content's text, fragments joined by one space.</summary>
    public string ContentText(string text) =>
        Fragments.IsDefaultOrEmpty ? Content.Of(text) : string.Join(' ', Fragments.Select(f => f.Of(text)));
}
