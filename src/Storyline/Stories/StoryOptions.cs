namespace Storyline.Stories;

/// <summary>Settings of story clustering. Immutable; the defaults are the tuned ones.</summary>
public sealed record StoryOptions
{
    /// <summary>Least score (cosine of TF-IDF vectors plus the weighted share of shared names) to join a story.</summary>
    public double JoinThreshold { get; init; } = 0.3;

    /// <summary>Weight of the share of the article's (idf-weighted) names that the story also carries.</summary>
    public double NameWeight { get; init; } = 0.2;

    /// <summary>Share of the score given to the best single member rather than the centroid (0: centroid only).</summary>
    public double MemberWeight { get; init; }

    /// <summary>How many times a title word counts against a body word.</summary>
    public double TitleWeight { get; init; } = 3;

    /// <summary>Terms kept per article vector (the heaviest); the tail is noise and memory.</summary>
    public int TermsPerArticle { get; init; } = 100;

    /// <summary>Terms of the article used to look up candidate stories in the inverted index.</summary>
    public int QueryTerms { get; init; } = 30;

    /// <summary>Candidate stories scored in full, the best by index overlap first.</summary>
    public int MaxCandidates { get; init; } = 40;

    /// <summary>Days between an article and a story's dates within which time does not count against joining.</summary>
    public double DateWindowDays { get; init; } = 10;

    /// <summary>Beyond the window, the score decays by e for every so many days.</summary>
    public double DateDecayDays { get; init; } = 20;

    /// <summary>Paragraphs with fewer words do not feed the term vector unless the article has nothing longer: chrome is short.</summary>
    public int MinParagraphWords { get; init; } = 8;
}
