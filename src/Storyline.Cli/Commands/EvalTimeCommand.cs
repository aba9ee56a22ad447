using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Storyline.Eval;
using Storyline.Eval.Stories;
using Storyline.Eval.Time;
using Storyline.Model;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline eval time &lt;folder-of-tml&gt; [--json] [--dump DIR] [--mismatches FILE] [--part all|dev|held-out]</c>: the TempEval-3 TIMEX3 recipe.</summary>
internal static class EvalTimeCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "A folder of TimeML .tml files (TIMEX3 with type and value; the CREATION_TIME is the reference date)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: documents, timex_true, timex_predicted, strict_f1, relaxed_f1, value_f1, type_f1." };
        var dump = new Option<string?>("--dump") { Description = "Write one .tml per document, with the predicted TIMEX3 elements in its text, into this folder." };
        var mismatches = new Option<string?>("--mismatches") { Description = "Write every error as a tab-separated line (kind, document, creation time, true text/type/value, predicted text/type/value, sentence) to this file." };
        var part = new Option<string>("--part") { Description = "all (default), dev or held-out: half the documents (by a hash of the file name) are kept aside for checking.", DefaultValueFactory = _ => "all" };
        var cmd = new Command("time", "Score time-expression recognition and normalisation (TempEval-3: strict/relaxed extraction F1, value F1, type F1).")
        {
            folder, json, dump, part, mismatches,
        };
        cmd.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(folder)!;
            if (!Directory.Exists(path))
            {
                Console.Error.WriteLine($"{path}: not a folder");
                return 2;
            }

            EvalPart evalPart;
            try
            {
                evalPart = EvalStoriesCommand.ParsePart(parseResult.GetValue(part)!);
            }
            catch (EvalDataException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }

            TimeEvalResult result;
            var errorLines = parseResult.GetValue(mismatches) is null ? null : new List<string>();
            try
            {
                result = TimeEvaluator.Run(path, parseResult.GetValue(dump), part: evalPart, mismatches: errorLines);
                if (errorLines is not null)
                {
                    File.WriteAllLines(parseResult.GetValue(mismatches)!, errorLines);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{parseResult.GetValue(dump) ?? path}: {e.Message}");
                return 2;
            }

            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine(error);
            }

            if (parseResult.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(result, StorylineJson.Options));
            }
            else
            {
                var c = CultureInfo.InvariantCulture;
                Console.WriteLine(string.Create(c, $"part {result.Part}, documents {result.Documents}, timex true {result.TimexTrue}, predicted {result.TimexPredicted}"));
                Console.WriteLine(string.Create(c, $"strict   P {result.StrictPrecision:F3}  R {result.StrictRecall:F3}  F1 {result.StrictF1:F3}"));
                Console.WriteLine(string.Create(c, $"relaxed  P {result.RelaxedPrecision:F3}  R {result.RelaxedRecall:F3}  F1 {result.RelaxedF1:F3}"));
                Console.WriteLine(string.Create(c, $"value F1 {result.ValueF1:F3}  type F1 {result.TypeF1:F3}"));
                Console.WriteLine(string.Create(c, $"speed    {result.SentencesPerSecond:F0} sentences/s (tagging only, one thread)"));
            }

            return result.Errors.Count > 0 ? 2 : 0;
        });
        return cmd;
    }
}
