using System.CommandLine;

namespace Storyline.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("Storyline: raw news pages in, stories out.");
        var paths = new Argument<string[]>("paths") { Description = "Files or folders", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Write JSON" };
        var analyze = new Command("analyze", "One-shot report") { paths, json };
        analyze.SetAction(parse =>
        {
            var p = parse.GetValue(paths) ?? [];
            Console.WriteLine(string.Join(",", p) + parse.GetValue(json));
            return 0;
        });
        root.Subcommands.Add(analyze);
        return root.Parse(args).Invoke();
    }
}
