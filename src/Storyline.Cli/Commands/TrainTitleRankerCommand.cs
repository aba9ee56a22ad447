using System.CommandLine;
using System.Globalization;
using Storyline.Eval.Extraction;
using Storyline.Extract.Html;
using Storyline.Model;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline train title-ranker &lt;set&gt;... --out FILE</c>: learns the weights the HTML extractor ranks a page's
/// title candidates by, from extraction sets with true titles (their tune part only, unless told otherwise).
/// Deterministic: the same sets give the same file.
/// </summary>
internal static class TrainTitleRankerCommand
{
    public static Command Create()
    {
        var sets = new Argument<DirectoryInfo[]>("sets") { Description = "Extraction sets: pages/<id>.html.gz beside truth.jsonl.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<FileInfo?>("--out") { Description = "Where to write the weights (TSV); without it, only the accuracies are printed." };
        var part = new Option<string>("--part") { Description = "Which pages to learn from: tune (default), held-out or all.", DefaultValueFactory = _ => "tune" };
        part.AcceptOnlyFromAmong("all", "tune", "held-out");
        var iterations = new Option<int>("--iterations") { Description = "Gradient steps.", DefaultValueFactory = _ => 2000 };
        var l2 = new Option<double>("--l2") { Description = "L2 penalty on the weights.", DefaultValueFactory = _ => TitleRanker.DefaultL2 };
        var folds = new Option<int>("--folds") { Description = "Cross-validate on the training pages: K trainings, each scoring every K-th page left out (0: off)." };
        var margin = new Option<double>("--margin") { Description = "Added to the weight of the rules' choice: how much another candidate must outscore it (chosen by --folds).", DefaultValueFactory = _ => 1.0 };
        var drop = new Option<string[]>("--drop") { Description = "Features to leave out (weight 0), for comparison.", AllowMultipleArgumentsPerToken = true };
        var dump = new Option<FileInfo?>("--dump") { Description = "Write each training page's candidates (text, features, which is true) as JSON Lines, to look into." };
        var cmd = new Command("title-ranker", "Train the ranker of HTML title candidates on extraction sets with true titles.") { sets, output, part, iterations, drop, dump, l2, folds, margin };
        cmd.SetAction(parseResult =>
        {
            var which = parseResult.GetValue(part) switch { "all" => SetPart.All, "held-out" => SetPart.HeldOut, _ => SetPart.Tune };
            var examples = new List<TitleRanker.TrainingPage>();
            var described = new List<string>();
            var c = CultureInfo.InvariantCulture;
            foreach (var set in parseResult.GetValue(sets)!)
            {
                if (CommonOptions.LoadExtractionSet(set.FullName, which) is not { } pages)
                {
                    return 2;
                }

                var titled = pages.Where(p => p.Page.Raw.Format == PageFormat.Html && !string.IsNullOrWhiteSpace(p.Truth.Title)).Select(p => (p.Page, p.Truth.Title!)).ToList();
                var found = TitleRanker.Examples(titled).ToList();
                var usable = found.OfType<TitleRanker.TrainingPage>().ToList();
                examples.AddRange(usable);
                var line = string.Create(c, $"{set.Name} ({parseResult.GetValue(part)} part): {titled.Count} titled pages, {usable.Count} of them weighed by the ranker (their sources disagree) with the truth among the candidates");
                described.Add(line);
                Console.Error.WriteLine(line);
            }

            var dropNames = parseResult.GetValue(drop) ?? [];
            if (dropNames.FirstOrDefault(n => !TitleRanker.FeatureNames.Contains(n)) is { } unknown)
            {
                Console.Error.WriteLine($"--drop {unknown}: no such feature (known: {string.Join(", ", TitleRanker.FeatureNames)})");
                return 2;
            }

            var dropped = dropNames.Select(TitleRanker.Feature).ToList();
            foreach (var f in examples.SelectMany(e => e.Features))
            {
                dropped.ForEach(i => f[i] = 0);
            }

            var k = parseResult.GetValue(folds);
            if (k > 1)
            {
                double[] margins = [0, 0.25, 0.5, 1, 1.5, 2, 3];
                var held = new int[margins.Length];
                for (var fold = 0; fold < k; fold++)
                {
                    var foldRanker = TitleRanker.Train([.. examples.Where((_, i) => i % k != fold)], parseResult.GetValue(iterations), l2: parseResult.GetValue(l2));
                    for (var m = 0; m < margins.Length; m++)
                    {
                        var withMargin = foldRanker.WithRuleMargin(margins[m]);
                        held[m] += examples.Where((_, i) => i % k == fold).Count(e => Best(withMargin, e) == e.Truth);
                    }
                }

                Console.Error.WriteLine(string.Create(c, $"cross-validated ({k} folds), by the margin the rules' choice is given: {string.Join(", ", margins.Select((m, i) => $"{m}: {held[i]}"))} of {examples.Count}"));
            }

            var ranker = TitleRanker.Train(examples, parseResult.GetValue(iterations), l2: parseResult.GetValue(l2)).WithRuleMargin(parseResult.GetValue(margin));
            var right = examples.Count(e => Best(ranker, e) == e.Truth);
            var rules = examples.Count(e => Best(RulesOnly, e) == e.Truth);
            Console.Error.WriteLine(string.Create(c, $"on those pages: rules alone {rules}/{examples.Count}, ranker {right}/{examples.Count}"));
            if (parseResult.GetValue(dump) is { } dumpFile)
            {
                using var writer = new StreamWriter(dumpFile.FullName);
                foreach (var e in examples)
                {
                    writer.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { truth = e.Truth, texts = e.Texts, features = e.Features }));
                }
            }

            if (parseResult.GetValue(output) is { } file)
            {
                var header = "Weights of the HTML title ranker (a softmax over one page's candidates), written by\n"
                    + string.Create(c, $"storyline train title-ranker --part {parseResult.GetValue(part)} --iterations {parseResult.GetValue(iterations)} --l2 {parseResult.GetValue(l2)} --margin {parseResult.GetValue(margin)}, from:\n")
                    + string.Join('\n', described);
                File.WriteAllText(file.FullName, ranker.Write(header));
            }

            return 0;
        });
        return cmd;
    }

    private static readonly TitleRanker RulesOnly = new([.. TitleRanker.FeatureNames.Select(n => n == "rule" ? 1.0 : 0)]);

    private static int Best(TitleRanker ranker, TitleRanker.TrainingPage page)
    {
        var best = 0;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < page.Features.Length; i++)
        {
            var s = ranker.Score(page.Features[i]);
            if (s > bestScore)
            {
                best = i;
                bestScore = s;
            }
        }

        return best;
    }
}
