using System.CommandLine;
using Storyline.Cli.Commands;

namespace Storyline.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("Storyline: raw news pages in, stories people can trust out. " + Terminal.ExitCodesHelp);
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(ArticlesCommand.List());
        root.Subcommands.Add(ArticlesCommand.Show());
        root.Subcommands.Add(ArticlesCommand.Search());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(StoryCommand.List());
        root.Subcommands.Add(StoryCommand.Show());
        root.Subcommands.Add(EntitiesCommand.Entities());
        root.Subcommands.Add(EntitiesCommand.Quotes());
        root.Subcommands.Add(FiguresCommand.Create());
        root.Subcommands.Add(new Command("train", "Train a model of the engine from data.") { TrainNerCommand.Create(), TrainNerCommand.CreateCasing(), TrainNerCommand.CreateClusters(), TrainBackgroundCommand.Create(), TrainTitleRankerCommand.Create() });
        root.Subcommands.Add(MakeDedupSetCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ServeCommand.Bench());
        return root.Parse(args).Invoke();
    }
}
