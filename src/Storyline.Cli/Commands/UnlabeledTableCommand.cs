using System.CommandLine;
using System.Globalization;

namespace Storyline.Cli.Commands;

/// <summary>
/// The shape the <c>train</c> commands that count over unlabeled news share: <c>--unlabeled FILE...</c> and
/// <c>--out FILE</c>, a one-line summary of what was written, a one-line error naming the command. The table is
/// written beside its target and moved into place when complete, so a failed run leaves no half-written table.
/// </summary>
internal static class UnlabeledTableCommand
{
    /// <param name="build">Builds the table from the input paths into the stream; returns what to say after "wrote PATH: ".</param>
    public static Command Create(string name, string description, string inputFields, Func<IReadOnlyList<string>, Stream, ParseResult, string> build, params Option[] extra)
    {
        var inputs = new Option<FileInfo[]>("--unlabeled") { Description = $"JSON Lines files (gzip or not) with {inputFields}.", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the table (gzip).", Required = true };
        var cmd = new Command(name, description) { inputs, output };
        foreach (var option in extra)
        {
            cmd.Options.Add(option);
        }

        cmd.SetAction(parseResult =>
        {
            var files = parseResult.GetValue(inputs)!.Select(f => f.FullName).ToList();
            var outPath = parseResult.GetValue(output)!.FullName;
            var partial = outPath + ".partial";
            try
            {
                string summary;
                using (var stream = File.Create(partial))
                {
                    summary = build(files, stream, parseResult);
                }

                File.Move(partial, outPath, overwrite: true);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {outPath}: {summary}"));
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                if (File.Exists(partial))
                {
                    File.Delete(partial);
                }

                Console.Error.WriteLine($"train {name}: {e.Message}");
                return 2;
            }
        });
        return cmd;
    }
}
