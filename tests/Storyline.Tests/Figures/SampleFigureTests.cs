using Storyline.Figures;
using Storyline.Tests.Samples;

namespace Storyline.Tests.Figures;

/// <summary>samples/EXPECTED.md "Figures and disagreements", the parts the figure finder reaches today.</summary>
public class SampleFigureTests
{
    private static readonly Lazy<StoryFigureSet> All = new(() => StoryFigures.Find(SamplesCorpus.Get.Articles));

    [Fact]
    public void Trapped_miners_nine_per_the_operator_against_twelve_per_the_federation()
    {
        var d = Assert.Single(All.Value.Disagreements, d => d.Quantity.Category == FigureCategory.Trapped);

        var nine = Assert.Single(d.Groups, g => g.Value.Low == 9);
        Assert.Contains(nine.Sources, s => s.Contains("Ardent", StringComparison.Ordinal) || s.Contains("operator", StringComparison.Ordinal));
        var twelve = Assert.Single(d.Groups, g => g.Value.Low == 12);
        Assert.Contains(twelve.Sources, s => s.Contains("ederation", StringComparison.Ordinal));
    }

    [Fact]
    public void Flood_dead_forty_per_the_police_against_sixty_three_per_the_health_workers()
    {
        var d = Assert.Single(All.Value.Disagreements, d => d.Quantity.Category == FigureCategory.Killed && d.Groups.Any(g => g.Value.Low == 63));

        Assert.Contains(d.Groups, g => g.Value.Low == 40 && g.Sources.Contains("Police"));
        Assert.Contains(d.Groups, g => g.Value.Low == 63 && g.Sources.Contains("Health Workers' Union"));
    }

    [Fact]
    public void Money_in_crowns_and_percentages_are_found()
    {
        Assert.Contains(All.Value.Figures, f => f.Category == FigureCategory.Money && f.Value.Unit == "crowns" && f.Value.Low == 9e6);
        Assert.Contains(All.Value.Figures, f => f.Category == FigureCategory.Percent && f.Value.Low == 6.8);
    }
}
