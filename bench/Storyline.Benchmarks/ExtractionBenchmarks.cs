using BenchmarkDotNet.Attributes;
using Storyline.Extract;
using Storyline.Model;

namespace Storyline.Benchmarks;

/// <summary>
/// Main-text extraction per page of the samples: the HTML extractor (the baseline row) and the plain-text cleaner on
/// the crawler-text pages. The comparison with SmartReader, on a whole set, is `storyline eval extract --compare smartreader`.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    // The samples hold 3 HTML pages and 23 text pages; timings are per page.
    private const int HtmlPages = 3;
    private const int TextPages = 23;

    private List<DecodedPage> _html = [];
    private List<DecodedPage> _text = [];
    private LineStatistics _statistics = new();

    [GlobalSetup]
    public void Setup()
    {
        _html = [.. Corpus.Pages.Where(p => p.Raw.Format == PageFormat.Html)];
        _text = [.. Corpus.Pages.Where(p => p.Raw.Format != PageFormat.Html)];
        if (_html.Count != HtmlPages || _text.Count != TextPages)
        {
            throw new InvalidOperationException($"expected {HtmlPages} HTML and {TextPages} text pages in samples/, read {_html.Count} and {_text.Count}");
        }

        _statistics = new LineStatistics();
        foreach (var p in Corpus.Pages)
        {
            PageExtractors.Default.Observe(p, _statistics);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = HtmlPages, Description = "Storyline HTML, per HTML page")]
    public int StorylineHtml()
    {
        var n = 0;
        foreach (var p in _html)
        {
            n += PageExtractors.Default.Extract(p, _statistics).Text.Length;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = TextPages, Description = "Storyline text cleaner, per text page")]
    public int StorylineText()
    {
        var n = 0;
        foreach (var p in _text)
        {
            n += PageExtractors.Default.Extract(p, _statistics).Text.Length;
        }

        return n;
    }
}
