using Spectre.Console;

namespace Storyline.Cli;

/// <summary>
/// Where the CLI talks to people: results on stdout, problems and progress on stderr. Progress is a live
/// status line when stderr is a terminal, and a plain line per committed batch otherwise.
/// </summary>
internal static class Terminal
{
    public const int Ok = 0;
    public const int Fatal = 1;
    public const int SomeInputsFailed = 2;

    public static readonly string ExitCodesHelp =
        "Exit codes: 0 every input was read; 2 some inputs could not be read (each is named on stderr, the rest were processed); 1 the command could not run.";

    private static readonly IAnsiConsole Err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public static bool Interactive => !Console.IsErrorRedirected;

    public static void Error(string line) => Console.Error.WriteLine("error: " + line);

    public static void Warn(string line) => Console.Error.WriteLine("warning: " + line);

    public static void Info(string line) => Console.Error.WriteLine(line);

    /// <summary>Runs the work with a live status line on a terminal; the work reports progress through the callback.</summary>
    public static T WithProgress<T>(string title, Func<Action<string>, T> work)
    {
        if (!Interactive)
        {
            // Plain lines for logs: only the milestones (a batch committed), not every chunk.
            return work(s =>
            {
                if (s.StartsWith("stored ", StringComparison.Ordinal))
                {
                    Console.Error.WriteLine("progress: " + s);
                }
            });
        }

        return Err.Status().Start(title, ctx => work(s => ctx.Status($"{title}: {Markup.Escape(s)}")));
    }

    /// <summary>Writes text to stdout, or to the file when one is given.</summary>
    public static void Output(string text, string? file)
    {
        if (file is null)
        {
            Console.Out.Write(text);
            if (!text.EndsWith('\n'))
            {
                Console.Out.WriteLine();
            }
        }
        else
        {
            // Written beside the target then moved, so a reader never sees half a report.
            var tmp = file + ".tmp";
            File.WriteAllText(tmp, text.EndsWith('\n') ? text : text + "\n");
            File.Move(tmp, file, overwrite: true);
        }
    }

    public static void Table(IEnumerable<string> headers, IEnumerable<string[]> rows)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var h in headers)
        {
            table.AddColumn(Markup.Escape(h));
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(c => new Spectre.Console.Text(c)).ToArray());
        }

        var console = Console.IsOutputRedirected
            ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors })
            : AnsiConsole.Console;
        console.Profile.Width = Math.Max(console.Profile.Width, 160);
        console.Write(table);
    }
}
