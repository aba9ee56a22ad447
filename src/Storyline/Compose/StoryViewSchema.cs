using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Storyline.Model;

namespace Storyline.Compose;

/// <summary>The JSON Schema of <see cref="StoryView"/> as <c>storyline story --format json</c> writes it (docs/story.schema.json is this, checked by a test).</summary>
public static class StoryViewSchema
{
    public static string Json()
    {
        var schema = StorylineJson.Options.GetJsonSchemaAsNode(typeof(StoryView), new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://storyline.invalid/story.schema.json",
            ["title"] = "Storyline story view",
            ["description"] = "One story: headline, cited summary, timeline, entities, quotes by speaker, figures and disagreements, coverage by outlet, wire copy. Citations are spans (start, length in UTF-16 code units) of an article's clean text. Fields are only ever added, never renamed or removed.",
        };
        foreach (var (key, value) in schema.AsObject())
        {
            root[key] = value?.DeepClone();
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
