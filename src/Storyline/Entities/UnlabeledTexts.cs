using System.IO.Compression;
using System.Text.Json;

namespace Storyline.Entities;

/// <summary>
/// The "text" fields of JSON Lines files (gzip or not), or "body" where there is no "text" (the extraction
/// sets' reference article texts): the unlabeled news the tagger's word statistics are learned from.
/// </summary>
internal static class UnlabeledTexts
{
    public static IEnumerable<string> Read(IEnumerable<string> jsonlFiles)
    {
        foreach (var path in jsonlFiles)
        {
            using var file = File.OpenRead(path);
            using Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var reader = new StreamReader(input);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                using var json = JsonDocument.Parse(line);
                if ((json.RootElement.TryGetProperty("text", out var t) || json.RootElement.TryGetProperty("body", out t)) && t.ValueKind == JsonValueKind.String && t.GetString() is { } text)
                {
                    yield return text;
                }
            }
        }
    }
}
