using Storyline.Quotes;

namespace Storyline.Figures;

/// <summary>What a figure counts, read from the verbs and nouns around the number.</summary>
public enum FigureCategory
{
    /// <summary>A plain count of things ("12 villages", "more than 1,000 attacks").</summary>
    Count,
    Killed,
    Injured,
    Missing,
    Displaced,
    Arrested,
    Evacuated,
    Destroyed,

    /// <summary>Aircraft, drones or missiles shot down, brought down or intercepted.</summary>
    Downed,
    Money,
    Percent,
}

/// <summary>How the text hedges the number.</summary>
public enum FigureQualifier
{
    /// <summary>The number as it stands ("13", "520,000").</summary>
    Exact,

    /// <summary>"about", "around", "some", "an estimated", "roughly".</summary>
    About,

    /// <summary>"at least", "no fewer than".</summary>
    AtLeast,

    /// <summary>"more than", "over", "upwards of".</summary>
    MoreThan,

    /// <summary>"up to", "as many as", "at most".</summary>
    UpTo,

    /// <summary>"less than", "fewer than", "under".</summary>
    LessThan,

    /// <summary>"close to", "nearly", "almost".</summary>
    CloseTo,

    /// <summary>Two ends given ("between 10 and 20", "3,000-4,000").</summary>
    Range,

    /// <summary>An order of magnitude only ("hundreds of", "dozens of", "tens of thousands of").</summary>
    Vague,
}

/// <summary>
/// A number as the text gives it: <see cref="Low"/> is the stated number (the lower end for a range or a vague
/// amount), <see cref="High"/> the upper end when the text gives one.
/// </summary>
/// <param name="Low">The number ("close to 1 million" → 1,000,000; "hundreds of" → 200).</param>
/// <param name="High">The upper end of a range or vague amount; null for a single number.</param>
/// <param name="Qualifier">How the text hedges it.</param>
/// <param name="Unit">"%" for percentages, an ISO currency code (USD, EUR, GBP, ...) for money; null for counts.</param>
/// <param name="Text">The value's words as they stand in the text ("close to 1 million", "$3.5 billion", "40%").</param>
public sealed record FigureValue(double Low, double? High, FigureQualifier Qualifier, string? Unit, string Text)
{
    /// <summary>
    /// The values the words allow, allowing for rounding: a round number is read as rounded ("520,000" ±5,000,
    /// "1 million" ±10%, "13" exactly), "close to N" as [0.8N, N], "at least N" as [N, ∞).
    /// </summary>
    public (double Min, double Max) Bounds()
    {
        switch (Qualifier)
        {
            case FigureQualifier.Range:
            case FigureQualifier.Vague:
                return (Low, High ?? Low);
            case FigureQualifier.AtLeast:
            case FigureQualifier.MoreThan:
                return (Low, double.PositiveInfinity);
            case FigureQualifier.UpTo:
            case FigureQualifier.LessThan:
                return (0, Low);
            case FigureQualifier.CloseTo:
                return (Low * 0.8, Low);
            case FigureQualifier.About:
                return (Low * 0.8, Low * 1.2);
            default:
                var tolerance = RoundingTolerance(Low);
                return (Low - tolerance, Low + tolerance);
        }
    }

    /// <summary>True when the two values can be the same number, rounding and hedges allowed.</summary>
    public bool Agrees(FigureValue other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!string.Equals(Unit, other.Unit, StringComparison.Ordinal))
        {
            return false;
        }

        var (a0, a1) = Bounds();
        var (b0, b1) = other.Bounds();
        return a0 <= b1 * (1 + 1e-9) && b0 <= a1 * (1 + 1e-9);
    }

    /// <summary>
    /// Half the unit the number is rounded to ("520,000" to the ten thousand: ±5,000; "13": ±0.5), at most a tenth
    /// of the number, so "1 million" stays [0.9, 1.1] million.
    /// </summary>
    private static double RoundingTolerance(double value)
    {
        if (value <= 0 || value != Math.Floor(value) || value > 1e15)
        {
            return 0;
        }

        var unit = 1.0;
        var n = (long)value;
        while (n % 10 == 0)
        {
            n /= 10;
            unit *= 10;
        }

        // Just under half: neighbours ("13" and "14") must not touch.
        return Math.Min(unit * 0.495, value / 10);
    }
}

/// <summary>
/// A figure in an article: a number with what it counts, when, where and who says so. Positions are spans of
/// <see cref="Model.Article.Text"/>, so a view can cite the words. Immutable.
/// </summary>
public sealed record Figure
{
    public required string ArticleId { get; init; }

    /// <summary>The whole phrase: from the value's first word to the counted noun ("close to 1 million people").</summary>
    public required CharSpan Span { get; init; }

    /// <summary>The sentence the figure stands in.</summary>
    public required CharSpan Sentence { get; init; }

    public required FigureValue Value { get; init; }

    public required FigureCategory Category { get; init; }

    /// <summary>The word that gave the category ("killed", "have been displaced", "bring to the ground"); null for counts, money and percentages.</summary>
    public CharSpan? Cue { get; init; }

    /// <summary>What is counted, as the text says it ("Turkish soldiers", "people"); borrowed from the next number when the text leaves it out ("at least three and ... seven drones"); empty when the text never says.</summary>
    public required string Counted { get; init; }

    /// <summary>The head of <see cref="Counted"/>, lower case and singular ("soldier", "people", "drone"); "people" for an unnamed count of people killed, injured, displaced, ...</summary>
    public required string CountedHead { get; init; }

    /// <summary>Where, when the text places the figure right after it ("in Idlib province" → "Idlib province").</summary>
    public string? Place { get; init; }

    /// <summary>The time expression of the figure, with its preposition ("in a week", "on Monday", "since early December").</summary>
    public string? When { get; init; }

    public CharSpan? WhenSpan { get; init; }

    /// <summary>The TimeML value of <see cref="When"/> (P1W, XXXX-WXX-1, 2020-02-10), resolved against the article's date when it is known.</summary>
    public string? TimexValue { get; init; }

    /// <summary>Who says so: the entity's name when the entity stage knew it ("United Nations", "Recep Tayyip Erdogan"), else the speaker's words; null when the article states it on its own authority.</summary>
    public string? Source { get; init; }

    /// <summary>The words naming the source in the text ("The United Nations", "he").</summary>
    public CharSpan? SourceSpan { get; init; }

    /// <summary>The figure's words.</summary>
    public string Text(string articleText) => Span.Of(articleText);
}
