using Storyline.Compose;
using Storyline.Model;

namespace Storyline.Web;

/// <summary>One story's view for <c>GET /api/stories/{id}</c>: the engine's story view (docs/story.schema.json), unchanged.</summary>
internal static class StoryJson
{
    public static StoryView Compose(Story story, StoreAccess readers, StoreSnapshot snapshot)
    {
        var articles = readers.Read(store => store.GetArticles(story.ArticleIds));
        return StoryViewBuilder.Build(story, articles, snapshot.LinksAmong(story.ArticleIds));
    }
}
