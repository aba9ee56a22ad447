using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Storyline.Compose;
using Storyline.Entities;
using Storyline.Model;
using Storyline.Quotes;
using Storyline.Store;

namespace Storyline.Web;

/// <summary>The JSON API (documented in wwwroot/openapi.json). Every parameter is validated; the store sees values only as SQL parameters.</summary>
internal static class ApiEndpoints
{
    private const string Json = "application/json; charset=utf-8";

    public static void Map(WebApplication app)
    {
        var readers = app.Services.GetRequiredService<StoreAccess>();
        var cache = app.Services.GetRequiredService<ViewCache>();
        var views = app.Services.GetRequiredService<StoryViews>();
        var writer = app.Services.GetRequiredService<IngestWriter>();

        app.MapGet("/api/status", () =>
        {
            var s = readers.Snapshot();
            return Ok(new { articles = s.Articles.Count, stories = s.Stories.Count, story_views_ready = views.ReadyCount(s.StoriesById.Values), outlets = s.Outlets });
        });

        app.MapGet("/api/stories", (HttpRequest r) => ListStories(r, readers));
        app.MapGet("/api/stories/{id}", (string id, HttpRequest r) => Story(id, r, readers, views));
        app.MapGet("/api/articles", (HttpRequest r) => ListArticles(r, readers));
        app.MapGet("/api/articles/{id}", (string id) => ArticleById(id, readers, cache));
        app.MapGet("/api/search", (HttpRequest r) => Search(r, readers));
        app.MapGet("/api/quotes", (HttpRequest r) => QuotesOf(r, readers, cache));
        app.MapGet("/api/entities", (HttpRequest r) => EntitiesOf(r, readers, cache));
        app.MapPost("/api/ingest", (HttpRequest r) => IngestAsync(r, writer));
        app.MapGet("/api/ingest/{job}", (string job) => writer.Job(job) is { } j ? Ok(JobView(j)) : Problems.NotFound($"{job}: no such ingest job (jobs are kept for the last 200 requests)"));
    }

    private static IResult Ok(object value) => Results.Text(JsonSerializer.Serialize(value, StorylineJson.Compact), Json);

    private static IResult Bytes(byte[] json) => Results.Bytes(json, Json);

    private static IResult ListStories(HttpRequest request, StoreAccess readers)
    {
        var q = Query.Text(request, "q", out var e1);
        var entity = Query.Text(request, "entity", out var e2);
        var outlet = Query.Text(request, "outlet", out var e3);
        var from = Query.Day(request, "from", out var e4);
        var to = Query.Day(request, "to", out var e5);
        var page = Query.Int(request, "page", 1, 1, 1_000_000, out var e6);
        var size = Query.Int(request, "page_size", 20, 1, 100, out var e7);
        if (Query.FirstError(e1, e2, e3, e4, e5, e6, e7) is { } error)
        {
            return Problems.BadRequest(error);
        }

        var snapshot = readers.Snapshot();
        IEnumerable<StorySummary> stories = snapshot.Stories;
        if (from is not null)
        {
            stories = stories.Where(s => s.LastDate is not null && string.CompareOrdinal(s.LastDate, from) >= 0);
        }

        if (to is not null)
        {
            stories = stories.Where(s => s.FirstDate is not null && string.CompareOrdinal(s.FirstDate, to) <= 0);
        }

        if (outlet is not null)
        {
            stories = stories.Where(s => s.Outlets.Contains(outlet, StringComparer.OrdinalIgnoreCase));
        }

        foreach (var words in new[] { entity, q }.OfType<string>())
        {
            var matching = StoriesMatching(words, snapshot, readers);
            var label = words;
            stories = stories.Where(s => matching.Contains(s.Id) || (label == q && s.Label.Contains(label, StringComparison.OrdinalIgnoreCase)));
        }

        var list = stories.ToList();
        return Ok(new
        {
            total = list.Count,
            page,
            page_size = size,
            items = list.Skip((page - 1) * size).Take(size),
        });
    }

    /// <summary>Stories with at least one article holding all the words (full-text index).</summary>
    private static HashSet<string> StoriesMatching(string words, StoreSnapshot snapshot, StoreAccess readers) =>
        [.. readers.Read(store => store.MatchingArticleIds(words)).Select(id => snapshot.StoryOfArticle.GetValueOrDefault(id)?.Id).OfType<string>()];

    /// <summary>
    /// Composes every story's view in the background, in list order, and again whenever the store changes, so readers
    /// are answered from kept views instead of waiting for a composition. One thread: readers keep the other cores.
    /// </summary>
    public static void StartWarmer(WebApplication app)
    {
        var readers = app.Services.GetRequiredService<StoreAccess>();
        var views = app.Services.GetRequiredService<StoryViews>();
        var stopping = app.Lifetime.ApplicationStopping;
        var thread = new Thread(() =>
        {
            long warmed = -1;
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    var snapshot = readers.Snapshot();
                    if (snapshot.Version != warmed)
                    {
                        foreach (var summary in snapshot.Stories)
                        {
                            if (stopping.IsCancellationRequested)
                            {
                                return;
                            }

                            var story = snapshot.StoriesById[summary.Id];
                            try
                            {
                                views.Warm(story, () => StoryJson.Compose(story, readers, snapshot));
                            }
                            catch (Exception e) when (e is not OperationCanceledException and not ObjectDisposedException)
                            {
                                // A story the composer cannot build is answered (and logged) when someone asks for it.
                            }
                        }

                        warmed = snapshot.Version;
                    }
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                stopping.WaitHandle.WaitOne(TimeSpan.FromSeconds(1));
            }
        })
        {
            IsBackground = true,
            Name = "story-view warmer",
            Priority = ThreadPriority.BelowNormal,
        };
        app.Lifetime.ApplicationStarted.Register(thread.Start);
    }

    private static IResult Story(string id, HttpRequest request, StoreAccess readers, StoryViews views)
    {
        if (!Query.IsStoryId(id))
        {
            return Problems.BadRequest($"'{Clip(id)}' is not a story id (s- and 16 hex digits)");
        }

        int? copies = null;
        if (request.Query.ContainsKey("copies"))
        {
            copies = Query.Int(request, "copies", 0, 0, 100_000, out var error);
            if (error is not null)
            {
                return Problems.BadRequest(error);
            }
        }

        var snapshot = readers.Snapshot();
        if (!snapshot.StoriesById.TryGetValue(id, out var story))
        {
            return Problems.NotFound($"{id}: no story with this id");
        }

        return Bytes(views.Json(story, () => StoryJson.Compose(story, readers, snapshot), copies));
    }

    private static IResult ListArticles(HttpRequest request, StoreAccess readers)
    {
        var q = Query.Text(request, "q", out var e1);
        var outlet = Query.Text(request, "outlet", out var e2);
        var from = Query.Day(request, "from", out var e3);
        var to = Query.Day(request, "to", out var e4);
        var storyId = Query.Text(request, "story", out var e5);
        var page = Query.Int(request, "page", 1, 1, 1_000_000, out var e6);
        var size = Query.Int(request, "page_size", 50, 1, 200, out var e7);
        if (Query.FirstError(e1, e2, e3, e4, e5, e6, e7) is { } error)
        {
            return Problems.BadRequest(error);
        }

        if (storyId is not null && !Query.IsStoryId(storyId))
        {
            return Problems.BadRequest($"'{Clip(storyId)}' is not a story id (s- and 16 hex digits)");
        }

        var snapshot = readers.Snapshot();
        IEnumerable<ArticleBrief> articles = snapshot.Articles;
        if (storyId is not null)
        {
            if (!snapshot.StoriesById.TryGetValue(storyId, out var story))
            {
                return Problems.NotFound($"{storyId}: no story with this id");
            }

            articles = story.ArticleIds.Select(i => snapshot.ArticlesById.GetValueOrDefault(i)).OfType<ArticleBrief>();
        }

        if (outlet is not null)
        {
            articles = articles.Where(a => string.Equals(a.Outlet, outlet, StringComparison.OrdinalIgnoreCase));
        }

        if (from is not null)
        {
            articles = articles.Where(a => a.Date is not null && string.CompareOrdinal(a.Date, from) >= 0);
        }

        if (to is not null)
        {
            articles = articles.Where(a => a.Date is not null && string.CompareOrdinal(a.Date, to) <= 0);
        }

        if (q is not null)
        {
            var ids = readers.Read(store => store.MatchingArticleIds(q)).ToHashSet(StringComparer.Ordinal);
            articles = articles.Where(a => ids.Contains(a.Id));
        }

        var list = articles.ToList();
        return Ok(new
        {
            total = list.Count,
            page,
            page_size = size,
            items = list.Skip((page - 1) * size).Take(size).Select(a => new
            {
                a.Id,
                a.Title,
                a.Outlet,
                a.Date,
                a.Origin,
                story_id = snapshot.StoryOfArticle.GetValueOrDefault(a.Id)?.Id,
            }),
        });
    }

    private static IResult ArticleById(string id, StoreAccess readers, ViewCache cache)
    {
        if (!Query.IsArticleId(id))
        {
            return Problems.BadRequest($"'{Clip(id)}' is not an article id (16 hex digits)");
        }

        var snapshot = readers.Snapshot();
        var article = readers.Read(store => store.GetArticles([id])).FirstOrDefault();
        if (article is null)
        {
            return Problems.NotFound($"{id}: no article with this id");
        }

        var story = snapshot.StoryOfArticle.GetValueOrDefault(id);
        return Bytes(cache.GetOrAdd("article:" + id + ":" + story?.Id, () =>
            JsonSerializer.SerializeToUtf8Bytes(ArticleDetail.Build(article, story), StorylineJson.Compact)));
    }

    private static IResult Search(HttpRequest request, StoreAccess readers)
    {
        var q = Query.Text(request, "q", out var e1);
        var limit = Query.Int(request, "limit", 20, 1, 100, out var e2);
        if (Query.FirstError(e1, e2) is { } error)
        {
            return Problems.BadRequest(error);
        }

        if (string.IsNullOrWhiteSpace(q))
        {
            return Problems.BadRequest("'q' is required: the words to find");
        }

        var snapshot = readers.Snapshot();
        var hits = readers.Read(store => store.Search(q, limit));
        return Ok(new
        {
            query = q,
            hits = hits.Select(h => new
            {
                h.Id,
                h.Title,
                h.Snippet,
                outlet = snapshot.ArticlesById.GetValueOrDefault(h.Id)?.Outlet,
                date = snapshot.ArticlesById.GetValueOrDefault(h.Id)?.Date,
                story_id = snapshot.StoryOfArticle.GetValueOrDefault(h.Id)?.Id,
            }),
        });
    }

    private static IResult QuotesOf(HttpRequest request, StoreAccess readers, ViewCache cache)
    {
        var storyId = Query.Text(request, "story", out var e1);
        var speaker = Query.Text(request, "speaker", out var e2);
        if (Query.FirstError(e1, e2) is { } error)
        {
            return Problems.BadRequest(error);
        }

        if (!TryStory(storyId, readers, out var story, out var refusal))
        {
            return refusal;
        }

        var json = cache.GetOrAdd("quotes:" + story.Id + ":" + string.Join(',', story.ArticleIds), () =>
        {
            var articles = readers.Read(store => store.GetArticles(story.ArticleIds));
            var byId = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
            var quotes = StoryQuotes.Find(articles).Select(q => new QuoteRow(
                q.SpeakerName,
                q.Kind.ToString().ToLowerInvariant(),
                q.Text,
                [.. q.Sources.Select(s => new QuoteSourceRow(s.ArticleId, byId[s.ArticleId].Outlet?.Value, s.Quote.Content.Start, s.Quote.Content.Length))]));
            return JsonSerializer.SerializeToUtf8Bytes(quotes.ToList(), StorylineJson.Compact);
        });
        var rows = JsonSerializer.Deserialize<List<QuoteRow>>(json, StorylineJson.Compact)!;
        var speakers = rows.Where(r => speaker is null || (r.Speaker ?? "").Contains(speaker, StringComparison.OrdinalIgnoreCase))
            .GroupBy(r => r.Speaker ?? "(unattributed)")
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new { speaker = g.Key, quotes = g.ToList() });
        return Ok(new { story_id = story.Id, speakers });
    }

    private static IResult EntitiesOf(HttpRequest request, StoreAccess readers, ViewCache cache)
    {
        var storyId = Query.Text(request, "story", out var e1);
        if (e1 is not null)
        {
            return Problems.BadRequest(e1);
        }

        if (!TryStory(storyId, readers, out var story, out var refusal))
        {
            return refusal;
        }

        return Bytes(cache.GetOrAdd("entities:" + story.Id + ":" + string.Join(',', story.ArticleIds), () =>
        {
            var articles = readers.Read(store => store.GetArticles(story.ArticleIds));
            var entities = EntityResolver.Default.Resolve(articles)
                .OrderByDescending(e => e.Mentions.Length).ThenBy(e => e.Name, StringComparer.Ordinal)
                .Select(e => new
                {
                    e.Id,
                    e.Name,
                    type = e.Type.ToString().ToLowerInvariant(),
                    e.Aliases,
                    e.Roles,
                    mentions = e.Mentions.Length,
                    mentions_by_article = e.MentionCounts,
                });
            return JsonSerializer.SerializeToUtf8Bytes(new { story_id = story.Id, entities }, StorylineJson.Compact);
        }));
    }

    private static bool TryStory(string? storyId, StoreAccess readers, out Story story, out IResult refusal)
    {
        story = null!;
        refusal = null!;
        if (storyId is null)
        {
            refusal = Problems.BadRequest("'story' is required: the story's id (GET /api/stories lists them)");
            return false;
        }

        if (!Query.IsStoryId(storyId))
        {
            refusal = Problems.BadRequest($"'{Clip(storyId)}' is not a story id (s- and 16 hex digits)");
            return false;
        }

        if (!readers.Snapshot().StoriesById.TryGetValue(storyId, out var found))
        {
            refusal = Problems.NotFound($"{storyId}: no story with this id");
            return false;
        }

        story = found;
        return true;
    }

    private const int MaxPages = 1000;

    private static async Task<IResult> IngestAsync(HttpRequest request, IngestWriter writer)
    {
        var pages = new List<UploadedPage>();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync().ConfigureAwait(false);
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer).ConfigureAwait(false);
                pages.Add(new UploadedPage(file.FileName, buffer.ToArray()));
            }
        }
        else if (request.HasJsonContentType())
        {
            IngestBody? body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<IngestBody>(request.Body, StorylineJson.Compact).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                return Problems.BadRequest($"the JSON body could not be read: {e.Message.Split('.')[0]}");
            }

            foreach (var (page, i) in (body?.Pages ?? []).Select((p, i) => (p, i)))
            {
                if (page?.Content is null)
                {
                    return Problems.BadRequest($"pages[{i}] has no 'content'");
                }

                pages.Add(new UploadedPage(page.Name ?? $"page{i}.txt", System.Text.Encoding.UTF8.GetBytes(page.Content)));
            }
        }
        else
        {
            return Problems.Result(StatusCodes.Status415UnsupportedMediaType, "send pages as multipart/form-data files or as JSON {\"pages\":[{\"name\":\"a.txt\",\"content\":\"...\"}]}");
        }

        if (pages.Count == 0)
        {
            return Problems.BadRequest("no pages were sent");
        }

        if (pages.Count > MaxPages)
        {
            return Problems.BadRequest($"at most {MaxPages} pages per request");
        }

        if (!writer.TryEnqueue(pages, out var job))
        {
            return Problems.Result(StatusCodes.Status503ServiceUnavailable, "the ingest queue is full; try again when the running jobs are done");
        }

        var wait = request.Query["wait"].ToString() is "true" or "1";
        if (wait)
        {
            await job.Completion.WaitAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            return Ok(JobView(job));
        }

        return Results.Text(JsonSerializer.Serialize(JobView(job), StorylineJson.Compact), Json, statusCode: StatusCodes.Status202Accepted);
    }

    private static object JobView(IngestJob j) => new
    {
        job = j.Id,
        state = j.State,
        pages = j.Pages.Count,
        pages_read = j.PagesRead,
        articles_added = j.ArticlesAdded,
        already_stored = j.AlreadyStored,
        added_ids = j.AddedIds,
        errors = j.Errors,
        status_url = "/api/ingest/" + j.Id,
    };

    /// <summary>A refused value echoed back short, so a 1 MB id does not come back as a 1 MB error.</summary>
    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private sealed record IngestBody(List<IngestPage?>? Pages);

    private sealed record IngestPage(string? Name, string? Content);

    private sealed record QuoteRow(string? Speaker, string Kind, string Text, IReadOnlyList<QuoteSourceRow> Sources);

    private sealed record QuoteSourceRow(string ArticleId, string? Outlet, int Start, int Length);
}
