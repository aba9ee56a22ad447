using System.Text;
using System.Text.Json;
using Storyline.Model;

namespace Storyline.Ingest;

/// <summary>Limits and choices of reading.</summary>
public sealed record IngestOptions
{
    /// <summary>A page (or JSON record) larger than this is refused with a reason, so one huge file cannot stall a run.</summary>
    public long MaxPageBytes { get; init; } = 10L * 1024 * 1024;
}

/// <summary>One thing read from the inputs: a page, or an input that could not be read.</summary>
public readonly record struct SourceItem(RawPage? Page, IngestError? Error)
{
    /// <summary>
    /// Why a record was passed over on purpose (an archived image, a 404, a feed item without text), or null.
    /// Such an item has neither page nor error; runs count them by reason.
    /// </summary>
    public string? Skipped { get; init; }

    public static SourceItem Of(RawPage page) => new(page, null);

    /// <summary>A record passed over on purpose; <paramref name="origin"/> is kept for the caller's messages.</summary>
    public static SourceItem Skip(string origin, string reason) => new(null, null) { Skipped = reason, SkippedOrigin = origin };

    /// <summary>Where the passed-over record was.</summary>
    public string? SkippedOrigin { get; init; }

    public static SourceItem Fail(string origin, string reason) => new(null, new IngestError(origin, reason));
}

/// <summary>
/// Streams the pages in files and folders (recursive, in ordinal path order so runs are repeatable):
/// .txt, .html/.htm, .json (an object or an array of objects), .jsonl, WARC (.warc, see <see cref="WarcReader"/>) and
/// RSS/Atom feeds (.xml, .rss, .atom, or any HTML-named file whose content is a feed; see <see cref="FeedReader"/>),
/// each optionally .gz-compressed.
/// A bad input yields an error item and reading goes on. Files in a folder whose type is not a page
/// (.md, images, ...) are passed over and counted; a folder's <c>.storylineignore</c> lists more names to pass over.
/// Thread-safe for concurrent enumerations (stateless).
/// </summary>
public sealed class PageSource(IngestOptions? options = null)
{
    private readonly IngestOptions _options = options ?? new IngestOptions();

    /// <summary>Files in folders that were not pages, by the last enumeration of this instance's caller.</summary>
    public static IEnumerable<string> PageExtensions => [".txt", ".text", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson", ".warc", ".xml", ".rss", ".atom"];

    /// <summary>Expands the paths into the files to read, in a deterministic order; missing paths become errors.</summary>
    public static IEnumerable<(string? File, IngestError? Error)> ExpandPaths(IEnumerable<string> paths, Action<string>? onSkipped = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                yield return (path, null);
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in FolderFiles(path, onSkipped))
                {
                    yield return (file, null);
                }
            }
            else
            {
                yield return (null, new IngestError(path, "no such file or folder"));
            }
        }
    }

    /// <summary>Reads every page in the paths.</summary>
    public IEnumerable<SourceItem> Read(IEnumerable<string> paths, Action<string>? onSkipped = null)
    {
        foreach (var (file, error) in ExpandPaths(paths, onSkipped))
        {
            if (error is not null)
            {
                yield return new SourceItem(null, error);
                continue;
            }

            foreach (var item in ReadFile(file!))
            {
                yield return item;
            }
        }
    }

    /// <summary>Reads the pages of one file.</summary>
    public IEnumerable<SourceItem> ReadFile(string file)
    {
        var (kind, compressed) = Classify(file);
        if (kind is null)
        {
            yield return SourceItem.Fail(file, "unknown file type (expected .txt, .html, .htm, .json, .jsonl, .warc, .xml, .rss or .atom, optionally .gz)");
            yield break;
        }

        if (kind == ".warc")
        {
            foreach (var item in new WarcReader(_options).ReadFile(file))
            {
                yield return item;
            }

            yield break;
        }

        if (kind is ".xml" or ".rss" or ".atom")
        {
            foreach (var item in FeedReader.ReadFile(file, compressed, _options))
            {
                yield return item;
            }

            yield break;
        }

        if (kind is ".jsonl" or ".ndjson")
        {
            foreach (var item in ReadJsonLines(file, compressed))
            {
                yield return item;
            }

            yield break;
        }

        var (bytes, error) = ReadAllBytes(file, compressed);
        if (error is not null)
        {
            yield return SourceItem.Fail(file, error);
            yield break;
        }

        if (kind == ".json")
        {
            foreach (var item in ReadJsonDocument(file, bytes!))
            {
                yield return item;
            }

            yield break;
        }

        var format = kind is ".html" or ".htm" or ".xhtml" ? PageFormat.Html : PageFormat.Text;
        if (format == PageFormat.Html && FeedReader.LooksLikeFeed(bytes))
        {
            // A feed saved as .html: the content decides.
            using var feed = new MemoryStream(bytes!, writable: false);
            foreach (var item in FeedReader.Read(feed, file, null, _options))
            {
                yield return item;
            }

            yield break;
        }

        yield return SourceItem.Of(new RawPage(file, bytes!, format));
    }

    private static IEnumerable<string> FolderFiles(string folder, Action<string>? onSkipped)
    {
        var ignored = new HashSet<string>(StringComparer.Ordinal);
        var ignoreFile = Path.Combine(folder, ".storylineignore");
        if (File.Exists(ignoreFile))
        {
            foreach (var line in File.ReadAllLines(ignoreFile))
            {
                var name = line.Trim();
                if (name.Length > 0 && !name.StartsWith('#'))
                {
                    ignored.Add(name);
                }
            }
        }

        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            onSkipped?.Invoke(folder + ": cannot list folder: " + e.Message);
            yield break;
        }

        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);
            if (name.StartsWith('.') || ignored.Contains(name))
            {
                continue;
            }

            if (Directory.Exists(entry))
            {
                foreach (var file in FolderFiles(entry, onSkipped))
                {
                    yield return file;
                }
            }
            else if (Classify(entry) is { Kind: not null } c && (c.Kind != ".xml" || IsFeedFile(entry, c.Compressed)))
            {
                yield return entry;
            }
            else
            {
                onSkipped?.Invoke(entry);
            }
        }
    }

    /// <summary>True when an .xml file in a folder is a feed; other XML (sitemaps, configuration) is passed over.</summary>
    private static bool IsFeedFile(string file, bool compressed)
    {
        try
        {
            using Stream stream = compressed ? new System.IO.Compression.GZipStream(File.OpenRead(file), System.IO.Compression.CompressionMode.Decompress) : File.OpenRead(file);
            var head = new byte[4096];
            var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return FeedReader.LooksLikeFeed(head.AsSpan(0, n));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // Unreadable: listed, so that reading it reports the reason.
            return true;
        }
    }

    /// <summary>The page kind by extension (".txt", ".html", ".json", ".jsonl", ...) and whether it is gzip-compressed.</summary>
    public static (string? Kind, bool Compressed) Classify(string file)
    {
        var name = file.ToLowerInvariant();
        var compressed = name.EndsWith(".gz", StringComparison.Ordinal);
        if (compressed)
        {
            name = name[..^3];
        }

        var ext = Path.GetExtension(name);
        return (PageExtensions.Contains(ext) ? ext : null, compressed);
    }

    private (byte[]? Bytes, string? Error) ReadAllBytes(string file, bool compressed)
    {
        try
        {
            using Stream stream = compressed ? new CheckedGzipStream(file) : new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (!compressed && stream.Length > _options.MaxPageBytes)
            {
                return (null, TooLarge(stream.Length));
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[1 << 16];
            int n;
            while ((n = stream.Read(chunk)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > _options.MaxPageBytes)
                {
                    return (null, TooLarge(buffer.Length) + " after decompression");
                }
            }

            return buffer.Length == 0 ? (null, "empty file") : (buffer.ToArray(), null);
        }
        catch (UnauthorizedAccessException)
        {
            return (null, "permission denied");
        }
        catch (FileNotFoundException)
        {
            return (null, "no such file");
        }
        catch (InvalidDataException e)
        {
            return (null, e.Message);
        }
        catch (IOException e)
        {
            return (null, "cannot read: " + e.Message);
        }
    }

    private string TooLarge(long bytes) =>
        $"too large: {bytes / 1048576.0:F1} MB (limit {_options.MaxPageBytes / 1048576.0:F1} MB per page)";

    private IEnumerable<SourceItem> ReadJsonDocument(string file, byte[] bytes)
    {
        JsonDocument? doc = null;
        string? parseError = null;
        try
        {
            doc = JsonDocument.Parse(StripBom(bytes));
        }
        catch (JsonException e)
        {
            parseError = "malformed JSON: " + FirstLine(e.Message);
        }

        if (doc is null)
        {
            yield return SourceItem.Fail(file, parseError ?? "malformed JSON");
            yield break;
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var element in doc.RootElement.EnumerateArray())
                {
                    yield return FromJson(file + "#" + i, element);
                    i++;
                }
            }
            else
            {
                yield return FromJson(file, doc.RootElement);
            }
        }
    }

    private IEnumerable<SourceItem> ReadJsonLines(string file, bool compressed)
    {
        var stream = InputFile.Open(file, compressed, out var openError);

        if (stream is null)
        {
            yield return SourceItem.Fail(file, openError ?? "cannot open");
            yield break;
        }

        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var lineNo = 0;
        var any = false;
        while (true)
        {
            string? line;
            string? failure = null;
            try
            {
                line = reader.ReadLine();
            }
            catch (InvalidDataException e)
            {
                line = null;
                failure = e.Message + "; records before it were read";
            }
            catch (IOException e)
            {
                line = null;
                failure = "cannot read: " + e.Message;
            }

            if (failure is not null)
            {
                yield return SourceItem.Fail($"{file}#{lineNo + 1}", failure);
                yield break;
            }

            if (line is null)
            {
                break;
            }

            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            any = true;
            var origin = $"{file}#{lineNo}";
            if (line.Length > _options.MaxPageBytes)
            {
                yield return SourceItem.Fail(origin, TooLarge(line.Length));
                continue;
            }

            SourceItem item;
            try
            {
                using var doc = JsonDocument.Parse(line);
                item = FromJson(origin, doc.RootElement);
            }
            catch (JsonException e)
            {
                item = SourceItem.Fail(origin, "malformed JSON line: " + FirstLine(e.Message));
            }

            yield return item;
        }

        if (!any)
        {
            yield return SourceItem.Fail(file, "empty file");
        }
    }

    private static SourceItem FromJson(string origin, JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return SourceItem.Fail(origin, "expected a JSON object with a \"text\" or \"html\" field");
        }

        var text = Str(e, "text");
        var html = Str(e, "html");
        if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(html))
        {
            return SourceItem.Fail(origin, "no \"text\" or \"html\" field with content");
        }

        var isHtml = string.IsNullOrWhiteSpace(text);
        var page = new RawPage(origin, Encoding.UTF8.GetBytes(isHtml ? html! : text!), isHtml ? PageFormat.Html : PageFormat.Text)
        {
            Url = Str(e, "url"),
            DeclaredCharset = "utf-8",
            Hints = new PageHints
            {
                Title = Str(e, "title"),
                Date = Str(e, "date"),
                Source = Str(e, "source"),
                Author = Str(e, "author"),
            },
        };
        return SourceItem.Of(page);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static ReadOnlyMemory<byte> StripBom(byte[] bytes) =>
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes.AsMemory(3) : bytes;

    private static string FirstLine(string message)
    {
        var i = message.IndexOfAny(['\r', '\n']);
        return i < 0 ? message : message[..i];
    }
}
