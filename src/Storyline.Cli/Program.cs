using System.CommandLine;
using Storyline.Cli.Commands;

namespace Storyline.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("Storyline: raw news pages in, stories people can trust out.");
        root.Subcommands.Add(EvalCommand.Create());
        return root.Parse(args).Invoke();
    }
}
