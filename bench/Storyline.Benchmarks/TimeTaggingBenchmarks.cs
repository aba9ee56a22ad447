using BenchmarkDotNet.Attributes;
using Storyline.Text;
using Storyline.Time;

namespace Storyline.Benchmarks;

/// <summary>
/// Time tagging one sentence at a time, over every sentence of the sample articles; times and allocations are per
/// sentence (OperationsPerInvoke), so sentences per second = 1 s / Mean (issue 7's target: 50,000 on one core).
/// Tokenising the same sentences is the baseline row.
/// </summary>
[MemoryDiagnoser]
public class TimeTaggingBenchmarks
{
    // The sample articles' sentences, fixed so that OperationsPerInvoke stays exact; Setup checks the count.
    private const int Sentences = 253;

    private static readonly TimeReference Reference = new(new DateOnly(2024, 3, 14), "benchmark");

    private string[] _sentences = [];
    private readonly List<TimeExpression> _output = [];

    [GlobalSetup]
    public void Setup()
    {
        _sentences = Corpus.Articles
            .SelectMany(a => SentenceSplitter.Split(a.Text, out _).Select(s => a.Text.Substring(s.Start, s.Length)))
            .ToArray();
        if (_sentences.Length != Sentences)
        {
            throw new InvalidOperationException($"expected {Sentences} sample sentences, read {_sentences.Length}");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Sentences)]
    public int Tokenise()
    {
        var n = 0;
        foreach (var s in _sentences)
        {
            n += Tokenizer.Tokenize(s).Count;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Sentences)]
    public int TagWithReference() => TagAll(Reference);

    [Benchmark(OperationsPerInvoke = Sentences)]
    public int TagWithoutReference() => TagAll(null);

    private int TagAll(TimeReference? reference)
    {
        var n = 0;
        foreach (var s in _sentences)
        {
            _output.Clear();
            TimeTagger.Default.Tag(s, reference, _output);
            n += _output.Count;
        }

        return n;
    }
}
