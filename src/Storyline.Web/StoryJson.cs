using System.Text.Json;
using Storyline.Compose;
using Storyline.Model;

namespace Storyline.Web;

/// <summary>One story's JSON for <c>GET /api/stories/{id}</c>.</summary>
internal static class StoryJson
{
    public static byte[] Build(Story story, StoreAccess readers, StoreSnapshot snapshot)
    {
        var articles = readers.Read(store => store.GetArticles(story.ArticleIds));
        var members = story.ArticleIds.ToHashSet(StringComparer.Ordinal);
        var links = readers.Read(store => store.Links()).Where(l => members.Contains(l.A) && members.Contains(l.B));
        var byId = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _ = snapshot;
        return JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                id = story.Id,
                headline = story.Label,
                articles = articles.Select(a => new { a.Id, title = a.Title?.Value, outlet = a.Outlet?.Value, date = a.Date?.Day }),
                links = links.Select(l => ReportLink.From(l, byId)),
            },
            StorylineJson.Compact);
    }
}
