using BenchmarkDotNet.Running;

namespace Storyline.Benchmarks;

/// <summary>
/// The hot paths of the engine, per article of the bundled samples: `dotnet run -c Release --project
/// bench/Storyline.Benchmarks -- --filter '*'` (add `--job short` for a quick run; `--corpus` prints what is read).
/// Results land in BenchmarkDotNet.Artifacts/.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["--corpus"])
        {
            foreach (var g in Corpus.Pages.GroupBy(p => p.Raw.Format))
            {
                Console.WriteLine($"{g.Key}: {g.Count()} pages");
            }

            Console.WriteLine($"articles: {Corpus.Articles.Count}, tokens: {Corpus.Articles.Sum(a => Text.Tokenizer.Tokenize(a.Text).Count)}, sentences: {Corpus.Articles.Sum(a => Text.SentenceSplitter.Split(a.Text, out _).Count)}");
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
