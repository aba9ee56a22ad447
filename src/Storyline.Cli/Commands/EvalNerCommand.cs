using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Storyline.Entities;
using Storyline.Eval.Ner;
using Storyline.Model;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline eval ner &lt;conll&gt; [--json] [--dump FILE] [--model FILE]</c>: conlleval-compatible entity scores.</summary>
internal static class EvalNerCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("conll") { Description = "A CoNLL NER file (token first, IOB tag last; -DOCSTART- separates documents)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var dump = new Option<FileInfo?>("--dump") { Description = "Write 'token gold predicted' lines (conlleval's input) to FILE." };
        var model = new Option<FileInfo?>("--model") { Description = "A model written by 'storyline train ner' (default: the embedded one)." };
        var cmd = new Command("ner", "Score named-entity tagging on a CoNLL file (entity-level P/R/F1, the conlleval recipe).") { file, json, dump, model };
        cmd.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file)!;
            var modelPath = parseResult.GetValue(model);
            IReadOnlyList<ConllDocument> documents;
            NerTagger tagger;
            try
            {
                documents = ConllReader.ReadFile(path.FullName);
                tagger = modelPath is null ? NerTagger.Default : NerTagger.Load(modelPath.FullName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ConllFormatException or InvalidDataException or InvalidOperationException)
            {
                Console.Error.WriteLine(e is FileNotFoundException or DirectoryNotFoundException ? $"{path.FullName}: file not found" : e.Message);
                return 2;
            }

            NerEvalResult result;
            var dumpPath = parseResult.GetValue(dump);
            try
            {
                using var writer = dumpPath is null ? null : new StreamWriter(dumpPath.FullName, false, new System.Text.UTF8Encoding(false));
                result = NerEvaluation.Run(tagger, documents, writer);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{dumpPath?.FullName}: cannot write the dump ({e.Message})");
                return 2;
            }

            if (parseResult.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(result, StorylineJson.Options));
                return 0;
            }

            var c = CultureInfo.InvariantCulture;
            var o = result.Scorer!.Overall;
            Console.WriteLine(string.Create(c, $"processed {result.Tokens} tokens in {result.Sentences} sentences; found {o.Predicted} entities, {o.Gold} in gold, {o.Correct} correct"));
            Console.WriteLine(string.Create(c, $"{"all",-6} precision {o.Precision * 100,6:F2}%  recall {o.Recall * 100,6:F2}%  F1 {o.F1 * 100,6:F2}"));
            foreach (var (type, s) in result.Scorer.PerType)
            {
                Console.WriteLine(string.Create(c, $"{type,-6} precision {s.Precision * 100,6:F2}%  recall {s.Recall * 100,6:F2}%  F1 {s.F1 * 100,6:F2}  ({s.Predicted} found, {s.Gold} gold)"));
            }

            Console.WriteLine(string.Create(c, $"speed  {result.TokensPerSecond:N0} tokens/s wall clock, {result.TokensPerCpuSecond:N0} tokens per CPU second (one thread)"));
            return 0;
        });
        return cmd;
    }
}
