using System.CommandLine;
using System.Globalization;
using Storyline.Stories;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline train background --unlabeled FILE... --out FILE</c>: counts in how many articles of unlabeled
/// news each clustering term occurs (the table story clustering starts its word rarity from). Deterministic.
/// </summary>
internal static class TrainBackgroundCommand
{
    public static Command Create()
    {
        var inputs = new Option<FileInfo[]>("--unlabeled") { Description = "JSON Lines files (gzip or not) with a \"text\" (and optional \"title\") field.", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the table (gzip).", Required = true };
        var cmd = new Command("background", "Count term document frequencies over unlabeled news for story clustering.") { inputs, output };
        cmd.SetAction(parseResult =>
        {
            var files = parseResult.GetValue(inputs)!;
            var outPath = parseResult.GetValue(output)!;
            try
            {
                using var stream = File.Create(outPath.FullName);
                var (documents, terms) = BackgroundFrequencies.Build(files.Select(f => f.FullName), stream);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {outPath.FullName}: {documents} documents, {terms} terms"));
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                Console.Error.WriteLine($"train background: {e.Message}");
                return 2;
            }
        });
        return cmd;
    }
}
