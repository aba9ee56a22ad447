using System.Collections.Frozen;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Storyline.Stories;

/// <summary>
/// How many articles of a large background of news carry each clustering term (counts only, no text): word
/// rarity known before the first article arrives. A small batch alone cannot tell a beat's vocabulary
/// (senate, republican, budget) from the words of one event; news at large can. Built by
/// <c>storyline train background</c> from unlabeled news and embedded in the library. Thread-safe once loaded.
/// </summary>
internal sealed class BackgroundFrequencies
{
    private const string ResourceName = "Storyline.Stories.Resources.background-df.tsv.gz";

    private static readonly Lazy<BackgroundFrequencies> EmbeddedLazy = new(LoadEmbedded);

    private readonly FrozenDictionary<string, int> _df;

    private BackgroundFrequencies(int documents, FrozenDictionary<string, int> df)
    {
        Documents = documents;
        _df = df;
    }

    /// <summary>No background: rarity comes from the articles seen only.</summary>
    public static BackgroundFrequencies Empty { get; } = new(0, FrozenDictionary<string, int>.Empty);

    /// <summary>The embedded table, or <see cref="Empty"/> when the library was built without one.</summary>
    public static BackgroundFrequencies Embedded => EmbeddedLazy.Value;

    public int Documents { get; }

    public int Terms => _df.Count;

    public int Count(string term) => _df.GetValueOrDefault(term);

    /// <summary>
    /// Counts the terms of every "text" (and "title") of JSON Lines files (gzip or not) as clustering reads
    /// them, and writes the table: a "#documents N" line, then "term\tdf" for terms in at least
    /// <paramref name="minCount"/> documents (rarer terms are as rare as unseen ones), sorted by term.
    /// </summary>
    /// <returns>The documents read and the terms written.</returns>
    public static (int Documents, int Terms) Build(IEnumerable<string> files, Stream output, int minCount = 2)
    {
        ArgumentNullException.ThrowIfNull(files);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var documents = 0;
        foreach (var file in files)
        {
            using Stream raw = File.OpenRead(file);
            using Stream stream = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var doc = JsonDocument.Parse(line);
                var text = doc.RootElement.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
                var title = doc.RootElement.TryGetProperty("title", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString()! : "";
                var counts = new Dictionary<string, double>(StringComparer.Ordinal);
                ContentTerms.AddTerms(counts, title + "\n" + text, 1);
                foreach (var term in counts.Keys)
                {
                    df[term] = df.GetValueOrDefault(term) + 1;
                }

                documents++;
            }
        }

        var kept = df.Where(kv => kv.Value >= minCount).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        using var gz = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gz, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"#documents {documents}"));
        foreach (var (term, count) in kept)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{term}\t{count}"));
        }

        return (documents, kept.Count);
    }

    /// <summary>Reads a table written by <see cref="Build"/>.</summary>
    public static BackgroundFrequencies Read(Stream gzipped)
    {
        using var gz = new GZipStream(gzipped, CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        var documents = 0;
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("#documents ", StringComparison.Ordinal))
            {
                documents = int.Parse(line.AsSpan(11), CultureInfo.InvariantCulture);
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0 && int.TryParse(line.AsSpan(tab + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                df[line[..tab]] = count;
            }
        }

        return new BackgroundFrequencies(documents, df.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static BackgroundFrequencies LoadEmbedded()
    {
        using var stream = typeof(BackgroundFrequencies).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? Empty : Read(stream);
    }
}
