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

    /// <summary>"people displaced", "soldier killed", "drone brought down"; for counts the noun alone.</summary>
    public override string ToString() => Label(CountedHead);

    /// <summary>The quantity read with the counted words as an article gives them ("Turkish soldiers killed").</summary>
    public string Label(string counted)
    {
        ArgumentNullException.ThrowIfNull(counted);
        // "63 bodies", "40 deaths": what is counted is people.
        var what = counted.Length > 0 && !(CountedHead == "people" && FigureExtractor.IsAboutPeople(Category)) ? counted : CountedHead;
        return Category switch
        {
            FigureCategory.Count => what,
            FigureCategory.Money => what.Length == 0 ? "money" : $"money ({what})",
            FigureCategory.Percent => what.Length == 0 ? "percentage" : $"percentage ({what})",
            FigureCategory.Downed => $"{what} brought down".Trim(),
            _ => $"{what} {Category.ToString().ToLowerInvariant()}".Trim(),
        };
    }
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

    /// <summary>What is counted, in the first mention's words that name it ("Turkish soldiers killed", "people displaced").</summary>
    public string Label => Quantity.Label(Figures.Select(f => f.Counted).FirstOrDefault(c => c.Length > 0) ?? "");

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
    /// The disagreements among <paramref name="figures"/>: two groups of one quantity whose values cannot both be
    /// true, about the same time and place, each given by a named source, the sources different. Plain counts,
    /// money and percentages are left out (their nouns say too little to know it is the same thing); for people,
    /// "people" matches any kind of people ("nine workers trapped" vs "12 people trapped"). Unnamed figures from
    /// two outlets are not set against each other: they are too often one toll at two moments.
    /// </summary>
    public static ImmutableArray<Disagreement> Disagreements(IEnumerable<Figure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var groups = Group(figures);
        var result = ImmutableArray.CreateBuilder<Disagreement>();
        foreach (var byCategory in groups.GroupBy(g => g.Quantity.Category))
        {
            if (byCategory.Key is FigureCategory.Count or FigureCategory.Money or FigureCategory.Percent)
            {
                continue;
            }

            var list = byCategory.ToList();
            var taken = new bool[list.Count];
            for (var a = 0; a < list.Count; a++)
            {
                if (taken[a])
                {
                    continue;
                }

                var members = new SortedSet<int>();
                for (var b = 0; b < list.Count; b++)
                {
                    if (b != a && !taken[b] && SameQuantity(list[a].Quantity, list[b].Quantity) && Conflict(list[a], list[b]))
                    {
                        members.Add(a);
                        members.Add(b);
                    }
                }

                if (members.Count >= 2)
                {
                    foreach (var m in members)
                    {
                        taken[m] = true;
                    }

                    var quantity = list[members.Min].Quantity;
                    result.Add(new Disagreement(quantity, [.. members.Select(i => list[i])]));
                }
            }
        }

        return result.ToImmutable();
    }

    private static bool SameQuantity(FigureQuantity a, FigureQuantity b) =>
        a.Category == b.Category && (a.CountedHead == b.CountedHead
            || (FigureExtractor.IsAboutPeople(a.Category) && (a.CountedHead == "people" || b.CountedHead == "people")));

    /// <summary>Some mention of one and some of the other are about the same time and place, from different named sources, and cannot both be true.</summary>
    private static bool Conflict(FigureGroup a, FigureGroup b) =>
        a.Figures.Any(x => b.Figures.Any(y => x.Source is not null && y.Source is not null && Comparable(x, y) && !x.Value.Agrees(y.Value)
            && !string.Equals(x.Source, y.Source, StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// Figures about the same time and place: explicit times equal when both give one; a figure without a time of
    /// its own is as of its article's day, so a toll reported on two different days is an update, not a dispute.
    /// </summary>
    private static bool Comparable(Figure a, Figure b)
    {
        if (a.TimexValue is { } ta && b.TimexValue is { } tb && !string.Equals(ta, tb, StringComparison.Ordinal))
        {
            return false;
        }

        if (Day(a) is { } da && Day(b) is { } db && !SameDay(da, db))
        {
            return false;
        }

        return a.Place is null || b.Place is null || string.Equals(a.Place, b.Place, StringComparison.OrdinalIgnoreCase);
    }

    private static string? Day(Figure f) =>
        f.TimexValue is { Length: >= 10 } t && t[4] == '-' && t[7] == '-' && char.IsAsciiDigit(t[5]) && char.IsAsciiDigit(t[8]) ? t[..10]
        : f.TimexValue is null ? f.ArticleDate : null;

    /// <summary>Equal days; a day without its year ("XXXX-03-21") is compared by month and day.</summary>
    private static bool SameDay(string a, string b) =>
        a.StartsWith("XXXX", StringComparison.Ordinal) || b.StartsWith("XXXX", StringComparison.Ordinal)
            ? string.Equals(a[4..], b[4..], StringComparison.Ordinal)
            : string.Equals(a, b, StringComparison.Ordinal);
}
