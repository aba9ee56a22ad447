using System.Text.Json;
using Storyline.Tests.Stories;

namespace Storyline.Tests.Cli;

/// <summary>`storyline eval stories` run as a user would, on a small invented stories set.</summary>
public class EvalStoriesCliTests
{
    /// <summary>Two stories of three articles each, every article a few paragraphs of its story's words.</summary>
    private static string WriteSet(TempFolder dir)
    {
        var lines = new List<string>();
        for (var story = 0; story < 2; story++)
        {
            for (var a = 0; a < 3; a++)
            {
                var text = string.Join("\n\n", Invented.Paragraphs(story, a * 4, 4));
                lines.Add(JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = $"s{story}-a{a}", ["cluster"] = $"c{story}", ["text"] = text }));
            }
        }

        dir.Write("set/articles.jsonl", string.Join("\n", lines) + "\n");
        return dir.File("set");
    }

    [Fact]
    public void A_setting_given_with_set_changes_the_clustering_and_an_unknown_one_is_refused()
    {
        using var dir = new TempFolder();
        var set = WriteSet(dir);

        var plain = CliTests.Run("eval", "stories", set, "--json");
        Assert.True(plain.Exit == 0, plain.Err);
        using (var doc = JsonDocument.Parse(plain.Out))
        {
            Assert.Equal(2, doc.RootElement.GetProperty("stories_predicted").GetInt32());
        }

        // No score can reach a threshold above 1: every article founds its own story.
        var apart = CliTests.Run("eval", "stories", set, "--json", "--set", "JoinThreshold=1.5", "--set", "settlethreshold=1.5");
        Assert.True(apart.Exit == 0, apart.Err);
        using (var doc = JsonDocument.Parse(apart.Out))
        {
            Assert.Equal(6, doc.RootElement.GetProperty("stories_predicted").GetInt32());
        }

        var unknown = CliTests.Run("eval", "stories", set, "--set", "NoSuchSetting=1");
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("JoinThreshold", unknown.Err, StringComparison.Ordinal);

        var malformed = CliTests.Run("eval", "stories", set, "--set", "IdfPower=high");
        Assert.Equal(2, malformed.Exit);
        Assert.Contains("IdfPower=high", malformed.Err, StringComparison.Ordinal);
    }
}
