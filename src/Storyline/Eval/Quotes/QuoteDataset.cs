using System.Collections.Immutable;
using System.Text.Json;
using Storyline.Quotes;

namespace Storyline.Eval.Quotes;

/// <summary>A span of the quotes format: its pieces ([start, end) each), for discontinuous spans several.</summary>
public sealed record AnnotatedSpan(ImmutableArray<CharSpan> Pieces)
{
    public static AnnotatedSpan Of(CharSpan span) => new([span]);

    public int Start => Pieces[0].Start;

    public int End => Pieces[0].End;

    public string Text(string text) => string.Join(' ', Pieces.Select(p => p.Of(text)));
}

/// <summary>One attribution of the quotes format.</summary>
public sealed record AnnotatedQuote(AnnotatedSpan Content, AnnotatedSpan? Speaker, AnnotatedSpan? Cue, string? SpeakerName);

/// <summary>One article of the quotes format (shared/data/README.md, "quotes/").</summary>
public sealed record QuoteDocument(string Id, string? Date, string Text, ImmutableArray<AnnotatedQuote> Quotes);

/// <summary>
/// Reads and writes the quotes JSON Lines format: <c>{"id","date","text","quotes":[{"content":{"start","end","text"[,"fragments"]},"speaker","cue","speaker_name"}]}</c>.
/// Offsets are UTF-16 indices, end exclusive; a discontinuous span lists its pieces in <c>fragments</c>.
/// </summary>
public static class QuoteDataset
{
    /// <summary>The documents of a file; a malformed line is reported in <paramref name="errors"/> ("file:line: reason") and skipped.</summary>
    public static List<QuoteDocument> Read(string path, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var docs = new List<QuoteDocument>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                docs.Add(Parse(line));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentOutOfRangeException)
            {
                errors.Add($"{path}:{lineNumber}: {e.Message}");
            }
        }

        return docs;
    }

    public static QuoteDocument Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("not a JSON object");
        }

        var id = Str(root, "id") ?? throw new FormatException("no \"id\"");
        var text = Str(root, "text") ?? throw new FormatException("no \"text\"");
        var quotes = ImmutableArray.CreateBuilder<AnnotatedQuote>();
        if (root.TryGetProperty("quotes", out var qs) && qs.ValueKind == JsonValueKind.Array)
        {
            foreach (var q in qs.EnumerateArray())
            {
                var content = Span(q, "content", text) ?? throw new FormatException("a quote without \"content\"");
                quotes.Add(new AnnotatedQuote(content, Span(q, "speaker", text), Span(q, "cue", text), Str(q, "speaker_name")));
            }
        }

        return new QuoteDocument(id, Str(root, "date"), text, quotes.ToImmutable());
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static AnnotatedSpan? Span(JsonElement q, string name, string text)
    {
        if (!q.TryGetProperty(name, out var s) || s.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var pieces = ImmutableArray.CreateBuilder<CharSpan>();
        if (s.TryGetProperty("fragments", out var fr) && fr.ValueKind == JsonValueKind.Array)
        {
            foreach (var f in fr.EnumerateArray())
            {
                pieces.Add(Checked(f[0].GetInt32(), f[1].GetInt32(), text, name));
            }
        }

        if (pieces.Count == 0)
        {
            pieces.Add(Checked(s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32(), text, name));
        }

        return new AnnotatedSpan(pieces.ToImmutable());
    }

    private static CharSpan Checked(int start, int end, string text, string name) =>
        start < 0 || end < start || end > text.Length
            ? throw new FormatException($"{name} span [{start}, {end}) lies outside the text ({text.Length} characters)")
            : CharSpan.FromBounds(start, end);

    /// <summary>One document as a JSON line of the same format.</summary>
    public static string Write(QuoteDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("id", doc.Id);
            w.WriteString("date", doc.Date);
            w.WriteString("text", doc.Text);
            w.WriteStartArray("quotes");
            foreach (var q in doc.Quotes)
            {
                w.WriteStartObject();
                WriteSpan(w, "content", q.Content, doc.Text);
                WriteSpan(w, "speaker", q.Speaker, doc.Text);
                WriteSpan(w, "cue", q.Cue, doc.Text);
                w.WriteString("speaker_name", q.SpeakerName);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteSpan(Utf8JsonWriter w, string name, AnnotatedSpan? span, string text)
    {
        if (span is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteNumber("start", span.Start);
        w.WriteNumber("end", span.End);
        w.WriteString("text", span.Text(text));
        if (span.Pieces.Length > 1)
        {
            w.WriteStartArray("fragments");
            foreach (var p in span.Pieces)
            {
                w.WriteStartArray();
                w.WriteNumberValue(p.Start);
                w.WriteNumberValue(p.End);
                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>An extracted quote in the format's terms.</summary>
    public static AnnotatedQuote FromQuote(Quote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var content = new AnnotatedSpan(quote.Fragments.IsDefaultOrEmpty ? [quote.Content] : quote.Fragments);
        return new AnnotatedQuote(
            content,
            quote.Speaker is { } s ? AnnotatedSpan.Of(s) : null,
            quote.Cue is { } c ? AnnotatedSpan.Of(c) : null,
            quote.SpeakerName);
    }
}
