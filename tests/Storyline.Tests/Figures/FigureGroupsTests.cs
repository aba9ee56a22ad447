using Storyline.Figures;

namespace Storyline.Tests.Figures;

public class FigureGroupsTests
{
    private static List<Figure> FindAll(params string[] texts) =>
        [.. texts.SelectMany((t, i) => FigureExtractorTests.Find(t, "a" + i))];

    private static FigureValue Value(double low, FigureQualifier qualifier = FigureQualifier.Exact, double? high = null, string? unit = null) =>
        new(low, high, qualifier, unit, low.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(13.0, FigureQualifier.Exact, 13.0, FigureQualifier.Exact, true)]
    [InlineData(13.0, FigureQualifier.Exact, 14.0, FigureQualifier.Exact, false)]
    [InlineData(520_000.0, FigureQualifier.Exact, 1e6, FigureQualifier.CloseTo, false)]
    [InlineData(520_000.0, FigureQualifier.Exact, 500_000.0, FigureQualifier.About, true)]
    [InlineData(500_000.0, FigureQualifier.Exact, 520_000.0, FigureQualifier.Exact, true)]
    [InlineData(510_000.0, FigureQualifier.Exact, 520_000.0, FigureQualifier.Exact, false)]
    [InlineData(8.0, FigureQualifier.Exact, 10.0, FigureQualifier.Exact, false)]
    [InlineData(1e6, FigureQualifier.Exact, 950_000.0, FigureQualifier.Exact, true)]
    [InlineData(3.0, FigureQualifier.AtLeast, 7.0, FigureQualifier.Exact, true)]
    [InlineData(1_000.0, FigureQualifier.MoreThan, 900.0, FigureQualifier.Exact, false)]
    [InlineData(300.0, FigureQualifier.UpTo, 250.0, FigureQualifier.Exact, true)]
    [InlineData(900_000.0, FigureQualifier.Exact, 1e6, FigureQualifier.CloseTo, true)]
    public void Values_agree_within_rounding_and_hedges(double a, FigureQualifier qa, double b, FigureQualifier qb, bool agree)
    {
        Assert.Equal(agree, Value(a, qa).Agrees(Value(b, qb)));
        Assert.Equal(agree, Value(b, qb).Agrees(Value(a, qa)));
    }

    [Fact]
    public void Ranges_and_vague_amounts_agree_with_what_they_contain()
    {
        var hundredsOfThousands = Value(200_000, FigureQualifier.Vague, 999_999);
        Assert.True(hundredsOfThousands.Agrees(Value(520_000)));
        Assert.False(hundredsOfThousands.Agrees(Value(2e6)));
        Assert.True(Value(10, FigureQualifier.Range, 20).Agrees(Value(15)));
        Assert.False(Value(40, unit: "%").Agrees(Value(40, unit: "USD")));
    }

    [Fact]
    public void The_same_figure_in_two_articles_is_one_group_with_both()
    {
        var figures = FindAll("Clashes killed 13 Turkish soldiers in a week.", "The clashes have killed 13 Turkish soldiers in a week, officials said.");
        var group = Assert.Single(FigureGroups.Group(figures));

        Assert.Equal(["a0", "a1"], group.ArticleIds);
        Assert.Equal(["officials"], group.Sources);
        Assert.Equal("soldier killed", group.Quantity.ToString());
    }

    [Fact]
    public void Different_values_from_different_sources_disagree_side_by_side()
    {
        var figures = FindAll(
            "The United Nations says 520,000 people have been displaced since early December.",
            "Governor Ana Ruiz said the assault had displaced close to 1 million people.");
        var d = Assert.Single(FigureGroups.Disagreements(figures));

        Assert.Equal("people displaced", d.Quantity.ToString());
        Assert.Equal(["520,000", "close to 1 million"], d.Groups.Select(g => g.Value.Text));
        Assert.Equal(["United Nations", "Ana Ruiz"], d.Groups.Select(g => Assert.Single(g.Sources)));
    }

    [Fact]
    public void Two_outlets_with_different_counts_and_no_named_source_disagree()
    {
        var figures = FindAll("The attack killed 13 soldiers.", "The attack killed 15 soldiers.");
        Assert.Equal(2, Assert.Single(FigureGroups.Disagreements(figures)).Groups.Length);
    }

    [Theory]
    [InlineData("Aid agencies say about 500,000 people have been displaced.", "The United Nations says 520,000 people have been displaced.")]
    [InlineData("Shelling killed eight soldiers on Monday.", "Shelling killed 13 soldiers on Tuesday.")]
    [InlineData("Floods displaced 5,000 people in Aleppo.", "Floods displaced 20,000 people in Hama.")]
    [InlineData("The attack killed 13 soldiers.", "The attack killed 13 civilians.")]
    [InlineData("Militants staged 40 attacks.", "Militants staged 1,000 attacks.")]
    [InlineData("The war displaced hundreds of thousands of people.", "The United Nations says 520,000 people have been displaced.")]
    [InlineData("The attack killed at least 13 soldiers.", "The attack killed 20 soldiers.")]
    public void Figures_that_can_both_be_true_or_count_different_things_do_not_disagree(string a, string b)
    {
        Assert.Empty(FigureGroups.Disagreements(FindAll(a, b)));
    }

    [Fact]
    public void One_source_giving_two_values_is_not_a_disagreement_between_sources()
    {
        Assert.Empty(FigureGroups.Disagreements(FindAll("The army said 13 soldiers were killed. Later the army said 20 soldiers were killed.")));
    }

    [Fact]
    public void A_vague_amount_is_not_shown_under_a_precise_figure()
    {
        var groups = FigureGroups.Group(FindAll("The war displaced hundreds of thousands of people.", "Officials say 520,000 people have been displaced."));
        Assert.Equal(2, groups.Length);
    }
}
