using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Storyline.Entities;
using Storyline.Eval.Ner;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline train ner --train FILE [--dev FILE] --out FILE</c>: trains the entity tagger. The same data and
/// options give the same model bytes. <c>--holdout K</c> keeps every K-th training document aside and scores it
/// after each epoch, for choosing options by cross-validation on the training set rather than on dev.
/// </summary>
internal static class TrainNerCommand
{
    public static Command Create()
    {
        var train = new Option<FileInfo>("--train") { Description = "Training data, CoNLL format.", Required = true };
        var dev = new Option<FileInfo?>("--dev") { Description = "Optional CoNLL file scored after each epoch (for information only)." };
        var output = new Option<FileInfo?>("--out") { Description = "Where to write the model (gzip)." };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => new NerTrainingOptions().Epochs };
        var holdout = new Option<int>("--holdout") { Description = "Keep every K-th training document aside and score it after each epoch (0: off)." };
        var noGazetteer = new Option<bool>("--no-gazetteer") { Description = "Train without the place gazetteers (for comparison)." };
        var noCasing = new Option<bool>("--no-casing") { Description = "Train without the casing statistics (for comparison)." };
        var onePass = new Option<bool>("--one-pass") { Description = "Train the first pass only (no document-history second pass)." };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times than this in training.", DefaultValueFactory = _ => new NerTrainingOptions().MinFeatureCount };
        var cmd = new Command("ner", "Train the named-entity tagger (averaged perceptron) on CoNLL data.") { train, dev, output, epochs, holdout, noGazetteer, minCount, noCasing, onePass };
        cmd.SetAction(parseResult =>
        {
            var trainPath = parseResult.GetValue(train)!;
            var devPath = parseResult.GetValue(dev);
            var outPath = parseResult.GetValue(output);
            var k = parseResult.GetValue(holdout);
            if (outPath is null && k <= 0 && devPath is null)
            {
                Console.Error.WriteLine("train ner: give --out FILE (or --holdout K / --dev FILE to only measure)");
                return 2;
            }

            IReadOnlyList<ConllDocument> trainDocs;
            IReadOnlyList<ConllDocument>? devDocs = null;
            try
            {
                trainDocs = ConllReader.ReadFile(trainPath.FullName);
                if (devPath is not null)
                {
                    devDocs = ConllReader.ReadFile(devPath.FullName);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ConllFormatException)
            {
                Console.Error.WriteLine(e is FileNotFoundException ? $"{e.Message}" : e.Message);
                return 2;
            }

            IReadOnlyList<ConllDocument>? held = null;
            if (k > 1)
            {
                held = [.. trainDocs.Where((_, i) => i % k == 0)];
                trainDocs = [.. trainDocs.Where((_, i) => i % k != 0)];
            }

            var options = new NerTrainingOptions { Epochs = Math.Max(1, parseResult.GetValue(epochs)), UseGazetteer = !parseResult.GetValue(noGazetteer), MinFeatureCount = parseResult.GetValue(minCount), UseCasing = !parseResult.GetValue(noCasing), TwoPass = !parseResult.GetValue(onePass) };
            var c = CultureInfo.InvariantCulture;
            var watch = Stopwatch.StartNew();
            var tagger = NerTrainer.Train(trainDocs, options, (epoch, t) =>
            {
                if (held is not null)
                {
                    var r = NerEvaluation.Run(t, held);
                    Console.WriteLine(string.Create(c, $"epoch {epoch}: held-out F1 {r.F1:F4} (P {r.Precision:F4} R {r.Recall:F4}) {string.Join(' ', r.PerType.Select(p => $"{p.Key} {p.Value.F1:F4}"))}"));
                }

                if (devDocs is not null)
                {
                    var r = NerEvaluation.Run(t, devDocs);
                    Console.WriteLine(string.Create(c, $"epoch {epoch}: dev F1 {r.F1:F4} (P {r.Precision:F4} R {r.Recall:F4})"));
                }
            }, Console.Error.WriteLine);
            Console.WriteLine(string.Create(c, $"trained in {watch.Elapsed.TotalSeconds:F1} s, {tagger.FeatureCount} features"));
            if (outPath is not null)
            {
                try
                {
                    using (var stream = File.Create(outPath.FullName))
                    {
                        tagger.Save(stream);
                    }

                    Console.WriteLine(string.Create(c, $"wrote {outPath.FullName} ({new FileInfo(outPath.FullName).Length / 1024.0 / 1024.0:F1} MB)"));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"{outPath.FullName}: cannot write the model ({e.Message})");
                    return 2;
                }
            }

            return 0;
        });
        return cmd;
    }

    /// <summary><c>storyline train casing --unlabeled FILE... --out FILE</c>: the casing table the tagger's features read.</summary>
    public static Command CreateCasing()
    {
        var inputs = new Option<FileInfo[]>("--unlabeled") { Description = "JSON Lines files (gzip or not) with a \"text\" field.", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the table (gzip).", Required = true };
        var cmd = new Command("casing", "Count how often each word is capitalised mid-sentence in unlabeled news.") { inputs, output };
        cmd.SetAction(parseResult =>
        {
            var files = parseResult.GetValue(inputs)!;
            var outPath = parseResult.GetValue(output)!;
            try
            {
                using var stream = File.Create(outPath.FullName);
                var words = CasingStatistics.Build(files.Select(f => f.FullName), stream);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {outPath.FullName}: {words} words"));
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                Console.Error.WriteLine($"train casing: {e.Message}");
                return 2;
            }
        });
        return cmd;
    }
}
