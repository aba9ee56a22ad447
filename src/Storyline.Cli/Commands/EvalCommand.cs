using System.CommandLine;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline eval &lt;task&gt; &lt;data&gt;</c>: scores a stage on a dataset in the formats of shared/data/README.md.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var eval = new Command("eval", "Score a stage on an evaluation dataset (formats and recipes: shared/data/README.md).");
        // Each task adds its subcommand here: eval.Subcommands.Add(EvalXxxCommand.Create());
        eval.Subcommands.Add(EvalTimeCommand.Create());
        eval.Subcommands.Add(EvalQuotesCommand.Create());
        eval.Subcommands.Add(EvalNerCommand.Create());
        eval.Subcommands.Add(EvalStoriesCommand.Create());
        eval.Subcommands.Add(EvalDedupCommand.Create());
        eval.Subcommands.Add(EvalExtractCommand.Create());
        eval.Subcommands.Add(EvalSummariesCommand.Create());
        return eval;
    }
}
