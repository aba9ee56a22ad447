using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Storyline.Web;

namespace Storyline.Tests.Web;

/// <summary>The JSON API over HTTP against a real Kestrel, as a tool would call it.</summary>
[Collection("Web")]
public class ApiTests(WebServerFixture server)
{
    private async Task<string> SeedStoryId()
    {
        using var article = await server.GetJson("/api/articles/" + server.SeedIds["003"]);
        return article.RootElement.GetProperty("story_id").GetString()!;
    }

    private static string[] Ids(JsonElement items) => [.. items.EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    private async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal((int)status, doc.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(doc.RootElement.GetProperty("detail").GetString()));
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Storyline", body, StringComparison.Ordinal);
        Assert.True(body.Length < 1000, "a refusal echoes at most a short piece of the input");
        _ = server;
    }

    [SharedFact]
    public async Task Stories_list_the_seed_story_with_its_articles_dates_and_outlets()
    {
        using var doc = await server.GetJson("/api/stories");
        var items = doc.RootElement.GetProperty("items");
        var storyId = await SeedStoryId();
        var story = items.EnumerateArray().Single(s => s.GetProperty("id").GetString() == storyId);
        Assert.True(story.GetProperty("article_count").GetInt32() >= 4);
        Assert.Contains("The Moscow Times", story.GetProperty("outlets").EnumerateArray().Select(o => o.GetString()));

        using var articles = await server.GetJson("/api/articles?story=" + storyId);
        var members = Ids(articles.RootElement.GetProperty("items"));
        Assert.Contains(server.SeedIds["003"], members);
        Assert.Contains(server.SeedIds["004"], members);
    }

    [SharedFact]
    public async Task Story_filters_by_entity_words_outlet_and_dates_and_pages()
    {
        var seedStory = await SeedStoryId();
        using (var byEntity = await server.GetJson("/api/stories?entity=Peskov"))
        {
            Assert.Equal([seedStory], Ids(byEntity.RootElement.GetProperty("items")));
        }

        using (var byWords = await server.GetJson("/api/stories?q=pier+council"))
        {
            var ids = Ids(byWords.RootElement.GetProperty("items"));
            Assert.Single(ids);
            Assert.NotEqual(seedStory, ids[0]);
        }

        using (var byOutlet = await server.GetJson("/api/stories?outlet=the+moscow+times"))
        {
            Assert.Equal([seedStory], Ids(byOutlet.RootElement.GetProperty("items")));
        }

        using (var future = await server.GetJson("/api/stories?from=2099-01-01"))
        {
            Assert.Equal(0, future.RootElement.GetProperty("total").GetInt32());
        }

        using var page1 = await server.GetJson("/api/stories?page_size=1&page=1");
        using var page2 = await server.GetJson("/api/stories?page_size=1&page=2");
        Assert.True(page1.RootElement.GetProperty("total").GetInt32() >= 2);
        Assert.Single(Ids(page1.RootElement.GetProperty("items")));
        Assert.NotEqual(Ids(page1.RootElement.GetProperty("items")), Ids(page2.RootElement.GetProperty("items")));
    }

    [SharedFact]
    public async Task Search_for_Peskov_finds_every_seed_and_marks_the_word()
    {
        using var doc = await server.GetJson("/api/search?q=Peskov&limit=50");
        var hits = doc.RootElement.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(server.SeedIds.Values.Order(), hits.Select(h => h.GetProperty("id").GetString()).Order());
        Assert.All(hits, h => Assert.Contains("[Peskov]", h.GetProperty("snippet").GetString(), StringComparison.Ordinal));
    }

    [SharedFact]
    public async Task An_article_gives_clean_text_removed_blocks_with_reasons_and_spans_inside_the_text()
    {
        using var doc = await server.GetJson("/api/articles/" + server.SeedIds["004"]);
        var a = doc.RootElement;
        var text = a.GetProperty("text").GetString()!;
        var paragraphs = a.GetProperty("paragraphs").GetArrayLength();
        var removed = a.GetProperty("removed").EnumerateArray().ToList();
        Assert.Contains(removed, r => r.GetProperty("reason").GetString()!.Contains("standfirst", StringComparison.Ordinal));
        Assert.All(removed, r => Assert.InRange(r.GetProperty("before_paragraph").GetInt32(), 0, paragraphs));

        var spans = a.GetProperty("annotations").EnumerateArray().ToList();
        Assert.All(spans, s =>
        {
            var start = s.GetProperty("start").GetInt32();
            var length = s.GetProperty("length").GetInt32();
            Assert.True(start >= 0 && length > 0 && start + length <= text.Length);
        });

        string Covered(JsonElement s) => text.Substring(s.GetProperty("start").GetInt32(), s.GetProperty("length").GetInt32());
        Assert.Contains(spans, s => s.GetProperty("kind").GetString() == "entity" && s.GetProperty("label").GetString() == "Dmitry Peskov" && Covered(s).Contains("Peskov", StringComparison.Ordinal));
        Assert.Contains(spans, s => s.GetProperty("kind").GetString() == "quote" && Covered(s).Contains("We consider such sorties from Idlib unacceptable", StringComparison.Ordinal));
        Assert.Contains(spans, s => s.GetProperty("kind").GetString() == "date" && Covered(s) == "Feb. 11");
    }

    [SharedFact]
    public async Task Quotes_come_by_speaker_each_once_with_every_source()
    {
        var storyId = await SeedStoryId();
        using var doc = await server.GetJson($"/api/quotes?story={storyId}&speaker=peskov");
        var speakers = doc.RootElement.GetProperty("speakers").EnumerateArray().ToList();
        Assert.All(speakers, s => Assert.Contains("Peskov", s.GetProperty("speaker").GetString(), StringComparison.Ordinal));
        var quotes = speakers.SelectMany(s => s.GetProperty("quotes").EnumerateArray()).ToList();
        var sorties = quotes.Where(q => q.GetProperty("text").GetString()!.Contains("sorties from Idlib", StringComparison.Ordinal)).ToList();
        Assert.Single(sorties);
        var sources = sorties[0].GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("article_id").GetString()).ToList();
        Assert.Contains(server.SeedIds["003"], sources);
        Assert.Contains(server.SeedIds["004"], sources);

        using var entities = await server.GetJson("/api/entities?story=" + storyId);
        Assert.Contains(entities.RootElement.GetProperty("entities").EnumerateArray(), e => e.GetProperty("name").GetString() == "Dmitry Peskov" && e.GetProperty("type").GetString() == "person");
    }

    [SharedFact]
    public async Task A_story_gives_the_story_view_and_can_list_fewer_copy_links()
    {
        var storyId = await SeedStoryId();
        using var full = await server.GetJson("/api/stories/" + storyId);
        Assert.Equal(storyId, full.RootElement.GetProperty("id").GetString());
        foreach (var key in new[] { "headline", "articles", "summary", "timeline", "entities", "quotes", "figures", "disagreements", "coverage", "copies" })
        {
            Assert.True(full.RootElement.TryGetProperty(key, out _), "missing " + key);
        }

        var copies = full.RootElement.GetProperty("copies").GetArrayLength();
        Assert.True(copies >= 1, "003 and 004 share wire copy");
        using var trimmed = await server.GetJson($"/api/stories/{storyId}?copies=0");
        Assert.Equal(0, trimmed.RootElement.GetProperty("copies").GetArrayLength());
        Assert.Equal(copies, trimmed.RootElement.GetProperty("copies_total").GetInt32());
        using var refused = await server.Client.GetAsync($"/api/stories/{storyId}?copies=-1");
        await AssertProblem(refused, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/articles/not-an-id", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles/1'%20OR%20'1'='1", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles/ffffffffffffffff", HttpStatusCode.NotFound)]
    [InlineData("/api/stories/s-ffffffffffffffff", HttpStatusCode.NotFound)]
    [InlineData("/api/stories/ffffffffffffffff", HttpStatusCode.BadRequest)]
    [InlineData("/api/stories?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/stories?page_size=100000", HttpStatusCode.BadRequest)]
    [InlineData("/api/stories?from=2020-13-45", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles?story=../../etc", HttpStatusCode.BadRequest)]
    [InlineData("/api/search", HttpStatusCode.BadRequest)]
    [InlineData("/api/quotes", HttpStatusCode.BadRequest)]
    [InlineData("/api/ingest/nope", HttpStatusCode.NotFound)]
    [InlineData("/api/no-such-route", HttpStatusCode.NotFound)]
    public async Task Bad_requests_get_problem_json_without_internals(string path, HttpStatusCode status)
    {
        using var response = await server.Client.GetAsync(path);
        await AssertProblem(response, status);
    }

    [Fact]
    public async Task A_huge_query_is_refused_and_its_text_not_echoed_back()
    {
        using var response = await server.Client.GetAsync("/api/search?q=" + new string('a', 5000));
        await AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_wrong_method_is_a_problem_too()
    {
        using var response = await server.Client.DeleteAsync("/api/stories");
        await AssertProblem(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Search_words_never_reach_SQL_or_FTS_syntax()
    {
        foreach (var q in new[] { "'; DROP TABLE articles; --", "pier\" OR \"x", "NEAR(a b)", "*", "title:pier" })
        {
            using var response = await server.Client.GetAsync("/api/search?q=" + Uri.EscapeDataString(q));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var status = await server.GetJson("/api/status");
        Assert.True(status.RootElement.GetProperty("articles").GetInt32() >= 1);
    }

    [Fact]
    public async Task Every_response_carries_a_CSP_without_inline_script_and_nosniff()
    {
        foreach (var path in new[] { "/", "/app.js", "/api/status", "/api/nothing" })
        {
            using var response = await server.Client.GetAsync(path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }

        var html = await server.Client.GetStringAsync("/");
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_foreign_host_name_or_a_cross_site_write_is_refused()
    {
        using (var rebound = new HttpRequestMessage(HttpMethod.Get, "/api/status"))
        {
            rebound.Headers.Host = "attacker.example";
            using var response = await server.Client.SendAsync(rebound);
            await AssertProblem(response, HttpStatusCode.Forbidden);
        }

        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = JsonContent.Create(new { pages = new[] { new { name = "x.txt", content = "Planted story\nPlanted text about nothing, the planter said." } } }) };
        post.Headers.Add("Origin", "http://attacker.example");
        using (var response = await server.Client.SendAsync(post))
        {
            await AssertProblem(response, HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Ingest_refuses_unreadable_bodies_with_a_reason()
    {
        using (var response = await server.Client.PostAsync("/api/ingest", new StringContent("hello", Encoding.UTF8, "text/plain")))
        {
            await AssertProblem(response, HttpStatusCode.UnsupportedMediaType);
        }

        using (var response = await server.Client.PostAsync("/api/ingest", new StringContent("{\"pages\":[{\"name\":1", Encoding.UTF8, "application/json")))
        {
            await AssertProblem(response, HttpStatusCode.BadRequest);
        }

        using (var response = await server.Client.PostAsync("/api/ingest", JsonContent.Create(new { pages = Array.Empty<object>() })))
        {
            await AssertProblem(response, HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task Live_ingest_adds_a_story_that_readers_see_without_a_restart_while_they_keep_reading()
    {
        using var before = await server.GetJson("/api/status");
        var articlesBefore = before.RootElement.GetProperty("articles").GetInt32();

        // Readers keep asking while the one writer works; every answer must be a success.
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var answers = 0;
            while (!stop.IsCancellationRequested)
            {
                using var r = await server.Client.GetAsync("/api/stories?page_size=5");
                Assert.Equal(HttpStatusCode.OK, r.StatusCode);
                answers++;
            }

            return answers;
        })).ToList();

        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("Lighthouse keepers strike in Porth Vell\nThe lighthouse keepers of Porth Vell walked out on Monday over pay, their union said.\nShips were warned to keep clear of the reef until the lamps are lit again.\n")), "files", "lighthouse.txt");
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("Porth Vell lighthouse strike goes on\nThe strike by the lighthouse keepers of Porth Vell went into its second day on Tuesday, the union said.\nThe harbour master said ships were told to keep clear of the reef.\n")), "files", "lighthouse2.txt");
        using var response = await server.Client.PostAsync("/api/ingest", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var statusUrl = job.RootElement.GetProperty("status_url").GetString()!;

        JsonDocument state;
        while (true)
        {
            state = await server.GetJson(statusUrl);
            var s = state.RootElement.GetProperty("state").GetString();
            if (s is "done" or "failed")
            {
                break;
            }

            state.Dispose();
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        Assert.All(await Task.WhenAll(readers), n => Assert.True(n > 0));
        Assert.Equal("done", state.RootElement.GetProperty("state").GetString());
        Assert.Equal(2, state.RootElement.GetProperty("articles_added").GetInt32());
        var added = state.RootElement.GetProperty("added_ids").EnumerateArray().Select(e => e.GetString()!).ToList();
        state.Dispose();

        using var after = await server.GetJson("/api/status");
        Assert.Equal(articlesBefore + 2, after.RootElement.GetProperty("articles").GetInt32());
        using var stories = await server.GetJson("/api/stories?q=lighthouse");
        var story = Assert.Single(stories.RootElement.GetProperty("items").EnumerateArray());
        using var members = await server.GetJson("/api/articles?story=" + story.GetProperty("id").GetString());
        Assert.Equal(added.Order(), Ids(members.RootElement.GetProperty("items")).Order());
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_API_route()
    {
        using var doc = await server.GetJson("/openapi.json");
        Assert.StartsWith("3.", doc.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var documented = doc.RootElement.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(m => m.Name.ToUpperInvariant() + " " + p.Name)).ToHashSet();
        var routes = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => m + " " + e.RoutePattern.RawText))
            .ToList();
        Assert.NotEmpty(routes);
        Assert.All(routes, r => Assert.Contains(r, documented));
        Assert.Equal(documented.Order(), routes.Distinct().Order());
    }

    [Fact]
    public async Task The_hostile_page_is_stored_and_served_as_plain_data()
    {
        using var doc = await server.GetJson("/api/articles/" + server.HostileId);
        Assert.Equal(HostilePage.Title, doc.RootElement.GetProperty("title").GetString());
        Assert.Contains("<script>", doc.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        using var response = await server.Client.GetAsync("/api/articles/" + server.HostileId);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void Uploaded_names_cannot_leave_the_upload_folder()
    {
        Assert.Equal("0000-passwd.txt", UploadNames.Safe(0, "../../etc/passwd"));
        Assert.Equal("0003-a_b.html", UploadNames.Safe(3, "..\\..\\a b.html"));
        Assert.Equal("0001-x.jsonl.gz", UploadNames.Safe(1, "x.jsonl.gz"));
    }

    [Fact]
    public void Serving_memory_or_a_bad_host_is_refused_with_a_reason()
    {
        Assert.Contains(":memory:", Assert.Throws<ArgumentException>(() => StorylineServer.Build(new WebOptions { DbPath = ":memory:" })).Message, StringComparison.Ordinal);
        Assert.Contains("not an IP address", Assert.Throws<ArgumentException>(() => StorylineServer.ParseHost("example.org")).Message, StringComparison.Ordinal);
    }
}
