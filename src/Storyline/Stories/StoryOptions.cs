namespace Storyline.Stories;

/// <summary>Settings of story clustering. Immutable; the defaults are the tuned ones.</summary>
public sealed record StoryOptions
{
    /// <summary>Least score to join a story: the TF-IDF cosine and the names cosine, mixed by <see cref="NameWeight"/>.</summary>
    public double JoinThreshold { get; init; } = 0.20;

    /// <summary>
    /// Least average similarity between the members of two stories for an article that matches both to merge
    /// them (0: never). Online clustering splits a story whose first articles happen to share little; an article
    /// that belongs to both shows they are one. The bridging article itself is left out of the average, so one
    /// article touching two stories (a rate decision that mentions a strike) cannot merge them on its own.
    /// </summary>
    public double MergeThreshold { get; init; } = 0.20;

    /// <summary>
    /// Least average link between two whole stories for the pass that ends a batch to merge them (0: no such
    /// pass; see <see cref="StoryBuilder.Settle"/>). Below the join threshold: two stories that each hold
    /// several articles are more evidence than one article is.
    /// </summary>
    public double SettleThreshold { get; init; } = 0.16;

    /// <summary>
    /// After the merges that end a batch, an article moves to another story when it scores higher there than
    /// in its own story without it by this much (negative: no moves). A lone article moves when it scores
    /// <see cref="SettleThreshold"/> with a story. Undoes the early choices of online clustering, made before
    /// the later articles were known.
    /// </summary>
    public double ReassignMargin { get; init; }

    /// <summary>
    /// When the batch was observed first, a word no other article of it carries is left out of the article's
    /// vector: it can link the article to nothing, and only lengthens the vector and lowers every similarity,
    /// most for long articles full of their own details.
    /// </summary>
    public bool SharedTermsOnly { get; init; } = true;

    /// <summary>Share of the score given to the cosine of the (idf-weighted) names of the article and the story.</summary>
    public double NameWeight { get; init; } = 0.15;

    /// <summary>Share of the text score given to the mean cosine with the members rather than the centroid's cosine.</summary>
    public double MeanWeight { get; init; } = 1;

    /// <summary>
    /// Share of the text score given to the best single member rather than the mean over members (0: the mean
    /// only). A story's articles often link in a chain (each shares the most with one or two others), which the
    /// mean alone undervalues; the rest of the score stays the mean, so one close member cannot carry a loose story.
    /// </summary>
    public double MemberWeight { get; init; } = 0.3;

    /// <summary>The newest members compared for <see cref="MemberWeight"/>: bounds the cost of scoring a large story.</summary>
    public int MembersCompared { get; init; } = 32;

    /// <summary>
    /// Power of the inverse document frequency in a term's weight: above 1, rare words (the names and details
    /// of one event) outweigh the vocabulary a whole beat shares (Senate, Republicans, budget), which is what
    /// merged unrelated political stories.
    /// </summary>
    public double IdfPower { get; init; } = 2;

    /// <summary>Word rarity starts from the embedded background of news (see <see cref="BackgroundFrequencies"/>), not from nothing.</summary>
    public bool BackgroundRarity { get; init; } = true;

    /// <summary>How many times a title word counts against a body word.</summary>
    public double TitleWeight { get; init; } = 3;

    /// <summary>
    /// How many times a word of the lead (the first <see cref="LeadParagraphs"/> content paragraphs) counts against
    /// a word further down. A news article says what happened first; its later paragraphs are background and
    /// detail, where articles on one story differ most.
    /// </summary>
    public double LeadWeight { get; init; } = 2;

    /// <summary>The content paragraphs that make the lead (see <see cref="LeadWeight"/>).</summary>
    public int LeadParagraphs { get; init; } = 2;

    /// <summary>
    /// How many times a pair of adjacent content words ("jobs speech", "April Fools") counts, as a term of its
    /// own (0: no pairs). A phrase tells a story's subject better than its words apart: articles that take
    /// different angles on one event share its phrase while their other words differ, and two stories that
    /// share a beat's words rarely share its phrases.
    /// </summary>
    public double BigramWeight { get; init; } = 1;

    /// <summary>Times a pair must occur in an article (a title's counting <see cref="TitleWeight"/> times) to be one of its terms.</summary>
    public double MinPhraseCount { get; init; } = 1;

    /// <summary>Terms kept per article vector (the heaviest); the tail is noise and memory.</summary>
    public int TermsPerArticle { get; init; } = 100;

    /// <summary>Terms of the article used to look up candidate stories in the inverted index.</summary>
    public int QueryTerms { get; init; } = 30;

    /// <summary>Candidate stories scored in full, the best by index overlap first.</summary>
    public int MaxCandidates { get; init; } = 40;

    /// <summary>Days between an article and a story's dates within which time does not count against joining: a story runs for weeks (a strike, an inquiry).</summary>
    public double DateWindowDays { get; init; } = 21;

    /// <summary>Beyond the window, the score decays by e for every so many days.</summary>
    public double DateDecayDays { get; init; } = 20;

    /// <summary>A score from which a match is strong enough that a date gap alone cannot undo it.</summary>
    public double StrongMatch { get; init; } = 0.5;

    /// <summary>The least share of its score a strong match keeps however far apart the dates are.</summary>
    public double StrongMatchDateFloor { get; init; } = 0.5;

    /// <summary>Threads for the read-only passes (the settle pass's scoring); the result is the same on one.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Paragraphs with fewer words do not feed the term vector unless the article has nothing longer: chrome is short.</summary>
    public int MinParagraphWords { get; init; } = 4;
}
