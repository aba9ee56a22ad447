using Storyline.Extract;
using Storyline.Ingest;
using Storyline.Model;

namespace Storyline.Benchmarks;

/// <summary>The bundled samples read, decoded and extracted once, as ingest does, for the benchmarks to reuse.</summary>
internal static class Corpus
{
    private static readonly Lazy<(List<DecodedPage> Pages, List<Article> Articles)> Loaded = new(Load);

    public static IReadOnlyList<DecodedPage> Pages => Loaded.Value.Pages;

    public static IReadOnlyList<Article> Articles => Loaded.Value.Articles;

    public static string SamplesFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples");
                if (File.Exists(Path.Combine(candidate, "EXPECTED.md")))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("samples/ not found above " + AppContext.BaseDirectory);
        }
    }

    private static (List<DecodedPage>, List<Article>) Load()
    {
        var pages = new List<DecodedPage>();
        foreach (var item in new PageSource().Read([SamplesFolder]))
        {
            if (item.Page is { } raw && PageDecoder.Decode(raw).Page is { } page)
            {
                pages.Add(page);
            }
        }

        var stats = new LineStatistics();
        foreach (var p in pages)
        {
            PageExtractors.Default.Observe(p, stats);
        }

        var articles = pages.Select(p => PageExtractors.Default.Extract(p, stats)).ToList();
        return (pages, articles);
    }
}
