using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Storyline.Store;
using Storyline.Web;

namespace Storyline.Tests.Web;

/// <summary>
/// A real Kestrel server on a free loopback port over a store holding the seeds (when ../shared is there) and a
/// hostile page sent through <c>POST /api/ingest</c>, as a user would send it. Shared by the Web test classes.
/// </summary>
public sealed class WebServerFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public WebApplication App { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public string DbPath => _folder.File("web.db");

    /// <summary>The hostile article's id, as the ingest job reported it.</summary>
    public string HostileId { get; private set; } = "";

    /// <summary>Seed article ids by file prefix ("003"), empty without ../shared.</summary>
    public Dictionary<string, string> SeedIds { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        if (SharedData.Root is not null)
        {
            using var store = SqliteStore.Open(DbPath);
            var result = new Pipeline().Ingest([SharedData.Seeds], store);
            foreach (var article in store.Articles())
            {
                SeedIds[Path.GetFileName(article.Origin)[..3]] = article.Id;
            }

            Assert.Equal(5, result.ArticlesAdded);
        }

        App = StorylineServer.Build(new WebOptions { DbPath = DbPath, Port = 0, UploadFolder = _folder.File("uploads") });
        await App.StartAsync();
        BaseAddress = StorylineServer.Address(App);
        Client = new HttpClient { BaseAddress = BaseAddress };

        using var response = await Client.PostAsync("/api/ingest?wait=true", JsonContent.Create(new { pages = new[] { new { name = "hostile.json", content = HostilePage.Json() } } }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var job = JsonDocument.Parse(body);
        Assert.Equal("done", job.RootElement.GetProperty("state").GetString());
        HostileId = job.RootElement.GetProperty("added_ids")[0].GetString()!;
    }

    public async Task<JsonDocument> GetJson(string path)
    {
        using var response = await Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        _folder.Dispose();
    }
}

[CollectionDefinition("Web")]
public sealed class WebCollection : ICollectionFixture<WebServerFixture>;

/// <summary>An invented page built to attack the page that shows it: markup and script in every field, a 1 MB title.</summary>
internal static class HostilePage
{
    public const string Marker = "Harbour council votes on the old pier";

    public static string Title => "<script>window.__pwned='title'</script><img src=x onerror=\"window.__pwned='img'\"> " + Marker + " " + new string('x', 1024 * 1024);

    public static string Json() => JsonSerializer.Serialize(new
    {
        title = Title,
        url = "javascript:window.__pwned='url'",
        source = "<b onmouseover=\"window.__pwned='outlet'\">Evil Outlet</b>",
        text = string.Join("\n\n",
            "Councillors in Harbourton voted on Tuesday to close the old pier, the mayor said.",
            "Residents protested outside the hall. <img src=x onerror=\"window.__pwned='onerror'\"> The vote was 7 to 2. <script>window.__pwned='text'</script>",
            "<a href=\"javascript:window.__pwned='link'\">Click here</a> to read the council minutes, officials said on Wednesday.",
            "<style>body{display:none !important}</style> The pier will close in March, the council said in a statement.",
            "\"We had no choice,\" said Mayor Tessa Lund. ]]></p><svg onload=\"window.__pwned='svg'\"> The repairs would cost 4 million crowns."),
    });
}
