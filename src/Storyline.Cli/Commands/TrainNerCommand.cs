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
        var folds = new Option<int>("--folds") { Description = "Cross-validate on the training set: K trainings, each holding out every K-th document from a different offset; prints the mean held-out F1 per epoch (no model written)." };
        var noGazetteer = new Option<bool>("--no-gazetteer") { Description = "Train without the place gazetteers (for comparison)." };
        var noCasing = new Option<bool>("--no-casing") { Description = "Train without the casing statistics (for comparison)." };
        var noClusters = new Option<bool>("--no-clusters") { Description = "Train without the word classes (for comparison)." };
        var onePass = new Option<bool>("--one-pass") { Description = "Train the first pass only (no document-history second pass)." };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times than this in training.", DefaultValueFactory = _ => new NerTrainingOptions().MinFeatureCount };
        var unlabeled = new Option<FileInfo[]>("--unlabeled") { Description = "Unlabeled news (JSON Lines, gzip or not, with a \"text\" field) that a first-stage tagger labels: each word's usual type there becomes a feature.", AllowMultipleArgumentsPerToken = true };
        var jackknife = new Option<int>("--jackknife") { Description = "Folds of the jackknife that labels the training documents for the second pass and the corpus tables.", DefaultValueFactory = _ => new NerTrainingOptions().JackknifeFolds };
        var cmd = new Command("ner", "Train the named-entity tagger (averaged perceptron) on CoNLL data.") { train, dev, output, epochs, holdout, folds, noGazetteer, minCount, noCasing, onePass, noClusters, unlabeled, jackknife };
        cmd.SetAction(parseResult =>
        {
            var trainPath = parseResult.GetValue(train)!;
            var devPath = parseResult.GetValue(dev);
            var outPath = parseResult.GetValue(output);
            var k = parseResult.GetValue(holdout);
            var foldCount = parseResult.GetValue(folds);
            if (outPath is null && k <= 0 && devPath is null && foldCount <= 1)
            {
                Console.Error.WriteLine("train ner: give --out FILE (or --holdout K / --dev FILE to only measure)");
                return 2;
            }

            IReadOnlyList<ConllDocument> trainDocs;
            IReadOnlyList<ConllDocument>? devDocs = null;
            IReadOnlyList<string>? texts = null;
            try
            {
                if (parseResult.GetValue(unlabeled) is { Length: > 0 } files)
                {
                    texts = [.. UnlabeledTexts.Read(files.Select(f => f.FullName))];
                }

                trainDocs = ConllReader.ReadFile(trainPath.FullName);
                if (devPath is not null)
                {
                    devDocs = ConllReader.ReadFile(devPath.FullName);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ConllFormatException or System.Text.Json.JsonException)
            {
                Console.Error.WriteLine(e is FileNotFoundException ? $"{e.Message}" : e.Message);
                return 2;
            }

            var options = new NerTrainingOptions { Epochs = Math.Max(1, parseResult.GetValue(epochs)), UseGazetteer = !parseResult.GetValue(noGazetteer), MinFeatureCount = parseResult.GetValue(minCount), UseCasing = !parseResult.GetValue(noCasing), TwoPass = !parseResult.GetValue(onePass), UseClusters = !parseResult.GetValue(noClusters), Unlabeled = texts, JackknifeFolds = parseResult.GetValue(jackknife) };
            var c = CultureInfo.InvariantCulture;
            if (foldCount > 1)
            {
                CrossValidate(trainDocs, options, foldCount);
                return 0;
            }

            IReadOnlyList<ConllDocument>? held = null;
            if (k > 1)
            {
                held = [.. trainDocs.Where((_, i) => i % k == 0)];
                trainDocs = [.. trainDocs.Where((_, i) => i % k != 0)];
            }

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

    /// <summary>
    /// K-fold cross-validation by document: fold f holds out the documents whose index is f modulo K. Prints each
    /// fold's held-out F1 per epoch and the mean over folds, the figure features are chosen by (never dev).
    /// </summary>
    private static void CrossValidate(IReadOnlyList<ConllDocument> documents, NerTrainingOptions options, int k)
    {
        var c = CultureInfo.InvariantCulture;
        var sums = new double[options.Epochs + 1];
        var typeSums = new Dictionary<string, double>();
        var watch = Stopwatch.StartNew();
        for (var f = 0; f < k; f++)
        {
            var held = documents.Where((_, i) => i % k == f).ToList();
            var train = documents.Where((_, i) => i % k != f).ToList();
            NerTrainer.Train(train, options, (epoch, t) =>
            {
                var r = NerEvaluation.Run(t, held);
                sums[epoch] += r.F1;
                if (epoch == options.Epochs)
                {
                    foreach (var (type, score) in r.PerType)
                    {
                        typeSums[type] = typeSums.GetValueOrDefault(type) + score.F1;
                    }
                }

                Console.WriteLine(string.Create(c, $"fold {f + 1}/{k} epoch {epoch}: held-out F1 {r.F1:F4}"));
            });
        }

        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            Console.WriteLine(string.Create(c, $"cv epoch {epoch}: mean held-out F1 {sums[epoch] / k:F4}"));
        }

        Console.WriteLine(string.Create(c, $"cv mean F1 {sums[options.Epochs] / k:F4} ({string.Join(' ', typeSums.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value / k:F4}"))}) in {watch.Elapsed.TotalSeconds:F0} s"));
    }

    /// <summary><c>storyline train casing --unlabeled FILE... --out FILE</c>: the casing table the tagger's features read.</summary>
    public static Command CreateCasing() =>
        UnlabeledTableCommand.Create(
            "casing",
            "Count how often each word is capitalised mid-sentence in unlabeled news.",
            "a \"text\" (or \"body\") field",
            (files, stream, _) => string.Create(CultureInfo.InvariantCulture, $"{CasingStatistics.Build(files, stream)} words"));

    /// <summary><c>storyline train clusters --unlabeled FILE... --out FILE</c>: the word classes the tagger's features read.</summary>
    public static Command CreateClusters()
    {
        var fourLevels = new Option<bool>("--four-levels") { Description = "Also learn a finest (1,024 classes) and a coarsest (12) granularity, as third and fourth columns." };
        return UnlabeledTableCommand.Create(
            "clusters",
            "Learn word classes (k-means over neighbour statistics) from unlabeled news.",
            "a \"text\" (or \"body\") field",
            (files, stream, parseResult) =>
            {
                var four = parseResult.GetValue(fourLevels);
                var words = WordClusters.Build(files, stream, finest: four ? 1024 : 0, coarsest: four ? 12 : 0, log: Console.Error.WriteLine);
                return string.Create(CultureInfo.InvariantCulture, $"{words} words");
            },
            fourLevels);
    }
}
