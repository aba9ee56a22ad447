namespace Storyline.Quotes;

/// <summary>Settings of the <see cref="QuoteExtractor"/>. Immutable.</summary>
public sealed record QuoteExtractorOptions
{
    /// <summary>Find reported speech without quotation marks ("Peskov said there were no plans ...").</summary>
    public bool IndirectSpeech { get; init; } = true;

    /// <summary>
    /// Also report quoted passages that nothing in their paragraph attributes to anyone (no cue, no lead-in). Off by
    /// default: such a passage cannot be grouped by speaker, and a quoted title or slogan looks just like it.
    /// </summary>
    public bool Unattributed { get; init; }

    /// <summary>Names the entities behind speakers; null keeps speakers as their own words.</summary>
    public ISpeakerResolver? SpeakerResolver { get; init; }

    public static QuoteExtractorOptions Default { get; } = new();
}
