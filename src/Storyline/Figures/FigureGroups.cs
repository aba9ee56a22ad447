using System.Collections.Immutable;

namespace Storyline.Figures;

/// <summary>A quantity figures can be given for: what happened (the category) to what (the counted noun's head).</summary>
/// <param name="Category">Killed, displaced, count, ...</param>
/// <param name="CountedHead">The counted noun, lower case and singular ("people", "soldier", "drone").</param>
public sealed record FigureQuantity(FigureCategory Category, string CountedHead)
{
    public static FigureQuantity Of(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return new FigureQuantity(figure.Category, figure.CountedHead);
    }

    /// <summary>For people: "people displaced", "soldier killed"; for counts the noun alone.</summary>
    public override string ToString() => Category switch
    {
        FigureCategory.Count => CountedHead,
        FigureCategory.Money or FigureCategory.Percent => CountedHead.Length == 0 ? Category.ToString().ToLowerInvariant() : $"{Category.ToString().ToLowerInvariant()} ({CountedHead})",
        _ => $"{CountedHead} {Category.ToString().ToLowerInvariant()}".Trim(),
    };
}

/// <summary>
/// One figure as a story shows it: the same quantity with values that agree, however many times and by however
/// many articles and sources it is given ("13 Turkish soldiers killed" in 003 and twice in 004).
/// </summary>
/// <param name="Quantity">What is counted.</param>
/// <param name="Figures">Every mention, in input order; the first is the representative.</param>
public sealed record FigureGroup(FigureQuantity Quantity, ImmutableArray<Figure> Figures)
{
    /// <summary>The value of the first mention.</summary>
    public FigureValue Value => Figures[0].Value;

    /// <summary>The named sources, in order of first mention.</summary>
    public IEnumerable<string> Sources => Figures.Select(f => f.Source).OfType<string>().Distinct(StringComparer.Ordinal);

    public IEnumerable<string> ArticleIds => Figures.Select(f => f.ArticleId).Distinct(StringComparer.Ordinal);
}

/// <summary>
/// A quantity given with values that cannot all be true by different sources ("close to 1 million" per Erdogan vs
/// 520,000 per the United Nations), each value with its mentions, so a view can show them side by side.
/// </summary>
/// <param name="Quantity">What is counted.</param>
/// <param name="Groups">The conflicting values, each with its mentions and sources, in order of first mention.</param>
public sealed record Disagreement(FigureQuantity Quantity, ImmutableArray<FigureGroup> Groups)
{
    /// <summary>Every mention taking part, group by group.</summary>
    public IEnumerable<Figure> Figures => Groups.SelectMany(g => g.Figures);
}

/// <summary>Groups equal figures across articles and finds where sources disagree. Stateless and thread-safe.</summary>
public static class FigureGroups
{
    /// <summary>
    /// The figures as groups of one quantity and agreeing values: a figure joins the first group of its quantity
    /// whose every member it agrees with (value within rounding and hedges, same time and place when both say one);
    /// else it starts a group. Input order decides ties, so the same input gives the same groups.
    /// </summary>
    public static ImmutableArray<FigureGroup> Group(IEnumerable<Figure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var groups = new List<(FigureQuantity Quantity, List<Figure> Members)>();
        foreach (var figure in figures)
        {
            var quantity = FigureQuantity.Of(figure);
            // An order of magnitude ("hundreds of thousands") agrees with many numbers; it joins only its likes, so a
            // precise figure is never shown under a vague one's sources, nor a vague one under a precise figure.
            var vague = figure.Value.Qualifier == FigureQualifier.Vague;
            var home = groups.FindIndex(g => g.Quantity == quantity
                && (g.Members[0].Value.Qualifier == FigureQualifier.Vague) == vague
                && g.Members.TrueForAll(m => Comparable(m, figure) && m.Value.Agrees(figure.Value)));
            if (home < 0)
            {
                groups.Add((quantity, [figure]));
            }
            else
            {
                groups[home].Members.Add(figure);
            }
        }

        return [.. groups.Select(g => new FigureGroup(g.Quantity, [.. g.Members]))];
    }

    /// <summary>
    /// The disagreements among <paramref name="figures"/>: two groups of one quantity (not a plain count, money or
    /// percentage, whose nouns say too little to know it is the same thing) whose values cannot both be true, about
    /// the same time and place, given by different sources. A source is the named one, else the article itself.
    /// </summary>
    public static ImmutableArray<Disagreement> Disagreements(IEnumerable<Figure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var groups = Group(figures);
        var result = ImmutableArray.CreateBuilder<Disagreement>();
        foreach (var byQuantity in groups.GroupBy(g => g.Quantity))
        {
            var quantity = byQuantity.Key;
            if (quantity.Category is FigureCategory.Count or FigureCategory.Money or FigureCategory.Percent)
            {
                continue;
            }

            var list = byQuantity.ToList();
            var taking = new SortedSet<int>();
            for (var a = 0; a < list.Count; a++)
            {
                for (var b = a + 1; b < list.Count; b++)
                {
                    if (Conflict(list[a], list[b]))
                    {
                        taking.Add(a);
                        taking.Add(b);
                    }
                }
            }

            if (taking.Count >= 2)
            {
                result.Add(new Disagreement(quantity, [.. taking.Select(i => list[i])]));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Some mention of one and some of the other are about the same time and place, from different sources, and cannot both be true.</summary>
    private static bool Conflict(FigureGroup a, FigureGroup b) =>
        a.Figures.Any(x => b.Figures.Any(y => Comparable(x, y) && !x.Value.Agrees(y.Value)
            && !string.Equals(SourceKey(x), SourceKey(y), StringComparison.Ordinal)));

    private static string SourceKey(Figure f) => f.Source is { } s ? "source:" + s : "article:" + f.ArticleId;

    /// <summary>Figures about the same time and place: equal when both give one, else compatible.</summary>
    private static bool Comparable(Figure a, Figure b) =>
        (a.TimexValue is null || b.TimexValue is null || string.Equals(a.TimexValue, b.TimexValue, StringComparison.Ordinal))
        && (a.Place is null || b.Place is null || string.Equals(a.Place, b.Place, StringComparison.OrdinalIgnoreCase));
}
