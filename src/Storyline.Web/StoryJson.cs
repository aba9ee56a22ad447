using System.Text.Json;
using Storyline.Compose;
using Storyline.Model;

namespace Storyline.Web;

/// <summary>One story's JSON for <c>GET /api/stories/{id}</c>: the engine's story view (docs/story.schema.json), unchanged.</summary>
internal static class StoryJson
{
    public static byte[] Build(Story story, StoreAccess readers, StoreSnapshot snapshot)
    {
        var articles = readers.Read(store => store.GetArticles(story.ArticleIds));
        var view = StoryViewBuilder.Build(story, articles, snapshot.LinksAmong(story.ArticleIds));
        return JsonSerializer.SerializeToUtf8Bytes(view, StorylineJson.Compact);
    }
}
