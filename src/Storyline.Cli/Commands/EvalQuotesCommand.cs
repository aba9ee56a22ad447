using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Storyline.Eval.Quotes;
using Storyline.Model;
using Storyline.Quotes;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline eval quotes &lt;file.jsonl&gt;</c>: quote extraction scored with the Gender Gap Tracker recipe.</summary>
internal static class EvalQuotesCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Quotes JSON Lines with the true quotes (shared/data/README.md, \"quotes/\")." };
        var json = new Option<bool>("--json") { Description = "Print the scores as one JSON object." };
        var dump = new Option<FileInfo?>("--dump") { Description = "Write the predicted quotes to FILE in the same JSON Lines format." };
        var predictions = new Option<FileInfo?>("--predictions") { Description = "Score the quotes in FILE (same format) instead of running the extractor." };
        var cmd = new Command("quotes", "Score quote extraction: P/R/F1 at 0.3 and 0.8 of the true content's characters, speaker accuracy; all attributions and the direct subset. Exit code 0, or 2 when some input could not be read.")
        {
            file, json, dump, predictions,
        };
        cmd.SetAction(parseResult => Run(parseResult.GetValue(file)!, parseResult.GetValue(json), parseResult.GetValue(dump), parseResult.GetValue(predictions)));
        return cmd;
    }

    private static int Run(FileInfo file, bool json, FileInfo? dump, FileInfo? predictionsFile)
    {
        var errors = new List<string>();
        List<QuoteDocument> truth;
        try
        {
            truth = QuoteDataset.Read(file.FullName, errors);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{file.FullName}: cannot read: {e.Message}");
            return 2;
        }

        List<QuoteDocument> predictions;
        double? ms = null;
        if (predictionsFile is not null)
        {
            try
            {
                predictions = QuoteDataset.Read(predictionsFile.FullName, errors);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{predictionsFile.FullName}: cannot read: {e.Message}");
                return 2;
            }
        }
        else
        {
            (predictions, var perArticle) = QuoteEvaluator.Predict(truth, new QuoteExtractor());
            ms = perArticle;
        }

        foreach (var error in errors)
        {
            Console.Error.WriteLine(error);
        }

        if (dump is not null)
        {
            try
            {
                using var writer = new StreamWriter(dump.FullName);
                foreach (var doc in predictions)
                {
                    writer.Write(QuoteDataset.Write(doc));
                    writer.Write('\n');
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{dump.FullName}: cannot write: {e.Message}");
                return 2;
            }
        }

        var result = QuoteEvaluator.Evaluate(truth, predictions, ms);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(result, StorylineJson.Options));
        }
        else
        {
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"articles {result.Articles}, true quotes {result.QuotesTrue}, predicted {result.QuotesPredicted}"));
            Console.WriteLine("               P@0.3   R@0.3   F1@0.3  P@0.8   R@0.8   F1@0.8  speaker");
            Console.WriteLine(string.Create(inv, $"all          {result.Precision03,7:F3} {result.Recall03,7:F3} {result.F103,7:F3} {result.Precision08,7:F3} {result.Recall08,7:F3} {result.F108,7:F3} {result.SpeakerAccuracy,7:F3}"));
            var d = result.Direct;
            Console.WriteLine(string.Create(inv, $"direct       {d.Precision03,7:F3} {d.Recall03,7:F3} {d.F103,7:F3} {d.Precision08,7:F3} {d.Recall08,7:F3} {d.F108,7:F3} {d.SpeakerAccuracy,7:F3}   ({d.QuotesTrue} true, {d.QuotesPredicted} predicted)"));
            if (ms is { } t)
            {
                Console.WriteLine(string.Create(inv, $"extraction   {t:F3} ms per article"));
            }
        }

        return errors.Count > 0 ? 2 : 0;
    }
}
