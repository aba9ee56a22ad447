using BenchmarkDotNet.Attributes;
using Storyline.Dedup;
using Storyline.Entities;
using Storyline.Figures;
using Storyline.Model;
using Storyline.Quotes;
using Storyline.Text;
using Storyline.Time;

namespace Storyline.Benchmarks;

/// <summary>
/// Each per-article stage on every sample article; times and allocations are per article (OperationsPerInvoke).
/// Tokenising is the baseline row: the other stages read as multiples of it.
/// </summary>
[MemoryDiagnoser]
public class PerArticleBenchmarks
{
    private const int Articles = 26;

    private IReadOnlyList<Article> _articles = [];
    private readonly QuoteExtractor _quotes = new();
    private readonly FigureExtractor _figures = new();
    private readonly MinHash _minHash = new(128, 0.8);

    [GlobalSetup]
    public void Setup()
    {
        _articles = Corpus.Articles;
        if (_articles.Count != Articles)
        {
            throw new InvalidOperationException($"expected {Articles} sample articles, read {_articles.Count}");
        }

        // Load the tagger's model outside the measured runs.
        NerTagger.Default.Recognize("Warm up.");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Articles)]
    public int Tokenise()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            n += Tokenizer.Tokenize(a.Text).Count;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public int SplitSentences()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            n += SentenceSplitter.Split(a.Text, out _).Count;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public int ShingleAndMinHash()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            var shingles = Shingles.Of(Shingles.WordHashes(a.Text), 5);
            n += (int)_minHash.Signature(shingles)[0];
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public int TagEntities()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            n += NerTagger.Default.Recognize(a.Text).Count;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public int FindQuotes()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            n += _quotes.Extract(a).Length;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public int TagTime()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            n += TimeTagger.Default.Tag(a.Text).Count;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Articles)]
    public int FindFigures()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            n += _figures.Find(a).Length;
        }

        return n;
    }
}
