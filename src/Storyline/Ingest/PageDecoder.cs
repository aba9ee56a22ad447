using Storyline.Model;

namespace Storyline.Ingest;

/// <summary>Turns a raw page into text, or says why it cannot be read as one. Thread-safe (stateless).</summary>
public static class PageDecoder
{
    /// <summary>The decoded page, or an error; a warning when the page was read with repairs.</summary>
    public static (DecodedPage? Page, IngestError? Error, string? Warning) Decode(RawPage raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var bytes = raw.Bytes.Span;
        if (bytes.IsEmpty)
        {
            return (null, new IngestError(raw.Origin, "empty file"), null);
        }

        if (BinaryKind(bytes) is { } kind)
        {
            return (null, new IngestError(raw.Origin, $"binary content ({kind}), not a text or HTML page"), null);
        }

        var result = DecodeText(bytes, raw.DeclaredCharset, raw.Format == PageFormat.Html);
        if (string.IsNullOrWhiteSpace(result.Text))
        {
            return (null, new IngestError(raw.Origin, "no text (only whitespace)"), null);
        }

        var warning = result.Warning is null ? null : $"{raw.Origin}: {result.Warning}";
        return (new DecodedPage(raw, result.Text, result.Encoding, result.Source), null, warning);
    }

    /// <summary>
    /// The page's bytes as text (<see cref="EncodingDetector"/>), with double-encoded UTF-8 put back
    /// (<see cref="Mojibake"/>): the repair is named in the source and the warning.
    /// </summary>
    public static EncodingDetector.Result DecodeText(ReadOnlySpan<byte> bytes, string? declaredCharset, bool html)
    {
        var result = EncodingDetector.Decode(bytes, declaredCharset, lookForHtmlMeta: html);
        var (text, repaired) = Mojibake.Repair(result.Text);
        if (repaired == 0)
        {
            return result;
        }

        var note = $"{repaired} double-encoded UTF-8 characters repaired";
        return result with { Text = text, Source = $"{result.Source}; {note}", Warning = result.Warning is null ? note : $"{result.Warning}; {note}" };
    }

    /// <summary>Names the kind of binary data the bytes hold, or null when they may be text.</summary>
    internal static string? BinaryKind(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]))
        {
            return "PNG image";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "JPEG image";
        }

        if (bytes.StartsWith("GIF8"u8))
        {
            return "GIF image";
        }

        if (bytes.StartsWith("%PDF"u8))
        {
            return "PDF document";
        }

        if (bytes.StartsWith("PK\x03\x04"u8))
        {
            return "ZIP archive";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return "gzip data in a file not named .gz";
        }

        // UTF-16 text has NULs too, but it starts with a BOM, which the decoder honours.
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return null;
        }

        var head = bytes[..Math.Min(bytes.Length, 8192)];
        var controls = 0;
        foreach (var b in head)
        {
            if (b == 0)
            {
                return "NUL bytes";
            }

            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
            {
                controls++;
            }
        }

        return controls * 20 > head.Length ? "control characters" : null;
    }
}
