using System.Text.Json;

namespace Storyline.Eval.Extraction;

/// <summary>One line of an extraction set's <c>truth.jsonl</c>; every field but the id may be missing.</summary>
internal sealed record ExtractionTruth(
    string Id,
    string? Url,
    string? Body,
    string? Title,
    string? Author,
    string? Date,
    IReadOnlyList<string>? With,
    IReadOnlyList<string>? Without)
{
    /// <summary>Reads <c>truth.jsonl</c>; a malformed line is reported with its number and skipped.</summary>
    public static List<ExtractionTruth> Read(string path, Action<string> onError)
    {
        var list = new List<ExtractionTruth>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var id = Str(root, "id");
                if (id is null)
                {
                    onError($"{path}#{lineNo}: no \"id\"");
                    continue;
                }

                list.Add(new ExtractionTruth(
                    id,
                    Str(root, "url"),
                    Str(root, "body"),
                    Str(root, "title"),
                    Str(root, "author"),
                    Str(root, "date"),
                    List(root, "with"),
                    List(root, "without")));
            }
            catch (JsonException e)
            {
                onError($"{path}#{lineNo}: malformed JSON ({e.Message})");
            }
        }

        return list;
    }

    private static string? Str(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string[]? List(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : null;
}
