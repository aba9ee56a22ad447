using System.IO.Compression;
using System.Text.Json;
using Storyline.Extract;
using Storyline.Model;

namespace Storyline.Eval.Stories;

/// <summary>A dataset that cannot be read; the message names the file (and line) and the reason.</summary>
public sealed class EvalDataException(string message) : Exception(message);

/// <summary>One record of a JSON Lines evaluation set: its id, its label (cluster or group, null when absent) and its text.</summary>
public sealed record EvalRecord(string Id, string? Label, string Text);

/// <summary>Reads the JSON Lines sets of shared/data/README.md and runs their pages through the extraction contract.</summary>
public static class EvalData
{
    /// <summary>The records of <c>articles.jsonl</c> (or <c>.jsonl.gz</c>) in <paramref name="folder"/>, or of the file itself.</summary>
    /// <param name="labelField">The field holding the label ("cluster", "group").</param>
    /// <param name="labelRequired">True when every record must carry a non-null label.</param>
    public static List<EvalRecord> Read(string folder, string labelField, bool labelRequired)
    {
        var path = Resolve(folder);
        var records = new List<EvalRecord>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var stream = Open(path);
        using var reader = new StreamReader(stream);
        var lineNumber = 0;
        try
        {
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                records.Add(Parse(path, lineNumber, line, labelField, labelRequired, ids));
            }
        }
        catch (InvalidDataException e)
        {
            throw new EvalDataException($"{path}:{lineNumber + 1}: unreadable compressed data ({e.Message})");
        }

        if (records.Count == 0)
        {
            throw new EvalDataException($"{path}: no records");
        }

        return records;
    }

    /// <summary>The data file of a folder (articles.jsonl or articles.jsonl.gz), or the path itself when it is a file.</summary>
    public static string Resolve(string folder)
    {
        if (File.Exists(folder))
        {
            return folder;
        }

        if (!Directory.Exists(folder))
        {
            throw new EvalDataException($"{folder}: no such file or folder");
        }

        foreach (var name in new[] { "articles.jsonl", "articles.jsonl.gz" })
        {
            var p = Path.Combine(folder, name);
            if (File.Exists(p))
            {
                return p;
            }
        }

        throw new EvalDataException($"{folder}: no articles.jsonl in this folder");
    }

    private static Stream Open(string path)
    {
        try
        {
            Stream s = File.OpenRead(path);
            return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(s, CompressionMode.Decompress) : s;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EvalDataException($"{path}: cannot be read ({e.Message})");
        }
    }

    private static EvalRecord Parse(string path, int lineNumber, string line, string labelField, bool labelRequired, HashSet<string> ids)
    {
        string Where() => $"{path}:{lineNumber}";
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new EvalDataException($"{Where()}: not a JSON object");
            }

            var id = root.TryGetProperty("id", out var idEl) && idEl.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? idEl.ToString()
                : throw new EvalDataException($"{Where()}: no \"id\"");
            if (!ids.Add(id))
            {
                throw new EvalDataException($"{Where()}: id \"{id}\" appears twice");
            }

            string? label = root.TryGetProperty(labelField, out var labelEl) && labelEl.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? labelEl.ToString()
                : null;
            if (label is null && labelRequired)
            {
                throw new EvalDataException($"{Where()}: no \"{labelField}\"");
            }

            var text = root.TryGetProperty("text", out var textEl) && textEl.ValueKind == JsonValueKind.String
                ? textEl.GetString()!
                : throw new EvalDataException($"{Where()}: no \"text\"");
            return new EvalRecord(id, label, text);
        }
        catch (JsonException e)
        {
            throw new EvalDataException($"{Where()}: malformed JSON ({e.Message.Split('.')[0]})");
        }
    }

    /// <summary>
    /// Each record's text read as a crawled text page through the extraction contract, as ingest reads it:
    /// every page observed first (so repetition across pages is learned), then each extracted.
    /// </summary>
    public static Article[] Extract(IReadOnlyList<EvalRecord> records, IPageExtractor? extractor = null)
    {
        extractor ??= PageExtractors.Default;
        var pages = records.Select(r => DecodedPage.FromText(r.Id, r.Text)).ToList();
        var statistics = new LineStatistics();
        foreach (var page in pages)
        {
            extractor.Observe(page, statistics);
        }

        return [.. pages.Select(p => extractor.Extract(p, statistics))];
    }
}
