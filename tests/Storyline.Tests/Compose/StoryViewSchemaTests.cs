using System.Text.Json;
using Storyline.Compose;

namespace Storyline.Tests.Compose;

public class StoryViewSchemaTests
{
    private static string SchemaFile => Path.Combine(SharedData.RepoRoot, "docs", "story.schema.json");

    [Fact]
    public void The_documented_schema_is_the_one_the_code_writes()
    {
        var current = StoryViewSchema.Json();
        if (Environment.GetEnvironmentVariable("STORYLINE_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(SchemaFile, current);
        }

        Assert.True(File.Exists(SchemaFile), "docs/story.schema.json is missing: run the tests once with STORYLINE_UPDATE_SCHEMA=1");
        Assert.True(File.ReadAllText(SchemaFile) == current, "docs/story.schema.json differs from the StoryView records: a field was added (rerun with STORYLINE_UPDATE_SCHEMA=1 and commit) or renamed/removed (don't: the schema is stable)");
    }

    [Fact]
    public void The_schema_names_every_section_of_the_view_in_snake_case()
    {
        using var doc = JsonDocument.Parse(StoryViewSchema.Json());
        var properties = doc.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["id", "headline", "articles", "first_date", "last_date", "summary", "timeline", "entities", "quotes", "figures", "disagreements", "coverage", "copies", "notes"], properties);
    }
}
