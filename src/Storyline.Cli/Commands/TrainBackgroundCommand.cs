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
    public static Command Create() =>
        UnlabeledTableCommand.Create(
            "background",
            "Count term document frequencies over unlabeled news for story clustering.",
            "a \"text\" (and optional \"title\") field",
            (files, stream, _) =>
            {
                var (documents, terms) = BackgroundFrequencies.Build(files, stream);
                return string.Create(CultureInfo.InvariantCulture, $"{documents} documents, {terms} terms");
            });
}
