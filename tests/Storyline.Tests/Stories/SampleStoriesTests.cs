using System.Text.Json;
using Storyline.Store;

namespace Storyline.Tests.Stories;

/// <summary>The samples corpus (written for this project) clustered through the pipeline, against samples/expected.json.</summary>
public class SampleStoriesTests
{
    private static (List<List<string>> Expected, Dictionary<string, string?> StoryOf) Run()
    {
        var samples = Path.Combine(SharedData.RepoRoot, "samples");
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(samples, "expected.json")));
        var expected = doc.RootElement.GetProperty("stories").EnumerateArray()
            .Select(g => g.EnumerateArray().Select(e => e.GetString()!).ToList())
            .ToList();

        using var store = SqliteStore.Open(":memory:");
        new Pipeline().Ingest([samples], store);
        var storyOfId = store.Stories().SelectMany(s => s.ArticleIds.Select(a => (a, s.Id))).ToDictionary(x => x.a, x => x.Id);
        var storyOf = store.Articles().ToDictionary(
            a => Path.GetFileName(a.Origin),
            a => storyOfId.TryGetValue(a.Id, out var s) ? s : null);
        return (expected, storyOf);
    }

    [Fact]
    public void Every_expected_story_comes_out_whole()
    {
        var (expected, storyOf) = Run();
        foreach (var group in expected.Where(g => g.Count > 1))
        {
            var stories = group.Select(name => storyOf[name]).Distinct().ToList();
            Assert.True(stories.Count == 1 && stories[0] is not null, $"{string.Join(", ", group)} fell into {stories.Count} stories");
        }
    }

    [Fact]
    public void No_two_expected_stories_share_a_story_and_the_decoy_stands_alone()
    {
        var (expected, storyOf) = Run();
        for (var i = 0; i < expected.Count; i++)
        {
            for (var j = i + 1; j < expected.Count; j++)
            {
                var shared = expected[i].Select(n => storyOf[n]).OfType<string>().Intersect(expected[j].Select(n => storyOf[n]).OfType<string>());
                Assert.False(shared.Any(), $"{expected[i][0]} and {expected[j][0]} share a story");
            }
        }

        var decoy = storyOf["courier-cruise-terminal.txt"];
        Assert.NotNull(decoy);
        Assert.Single(storyOf, kv => kv.Value == decoy);
    }
}
