using System.Text.Json;
using Storyline.Model;
using Storyline.Store;

namespace Storyline.Tests.Samples;

/// <summary>
/// The bundled samples/ corpus ingested once (as `storyline analyze samples` does) and its expected results
/// (samples/expected.json), shared by the tests that check them.
/// </summary>
public sealed class SamplesCorpus
{
    private static readonly Lazy<SamplesCorpus> Instance = new(() => new SamplesCorpus());

    private SamplesCorpus()
    {
        Folder = Path.Combine(SharedData.RepoRoot, "samples");
        Expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json"))).RootElement.Clone();
        using var store = SqliteStore.Open(":memory:");
        Result = new Pipeline().Ingest([Folder], store);
        Articles = store.Articles().ToList();
        Stories = store.Stories();
        Links = store.Links();
    }

    public static SamplesCorpus Get => Instance.Value;

    public string Folder { get; }

    public JsonElement Expected { get; }

    public IngestResult Result { get; }

    public IReadOnlyList<Article> Articles { get; }

    public IReadOnlyList<Story> Stories { get; }

    public IReadOnlyList<ArticleLink> Links { get; }

    /// <summary>The page keys of expected.json: file names relative to samples/, with #N for JSON Lines records.</summary>
    public static IEnumerable<object[]> PageKeys()
    {
        var folder = Path.Combine(SharedData.RepoRoot, "samples");
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")));
        return doc.RootElement.GetProperty("pages").EnumerateObject().Select(p => new object[] { p.Name }).ToList();
    }

    public Article ArticleFor(string key) =>
        Articles.Single(a => Key(a.Origin) == key);

    public string Key(string origin) => Path.GetRelativePath(Folder, origin).Replace('\\', '/');

    /// <summary>Whitespace collapsed, as expected.json compares lines.</summary>
    public static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
