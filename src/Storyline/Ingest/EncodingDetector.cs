using System.Text;

namespace Storyline.Ingest;

/// <summary>
/// Chooses how to decode a page's bytes: a byte-order mark, then a declared charset (container or HTML meta),
/// then UTF-8 when the bytes are valid UTF-8, else a single-byte code page chosen by letter statistics
/// (windows-1252 for Western European text, windows-1251 for Cyrillic). Thread-safe (stateless).
/// </summary>
public static class EncodingDetector
{
    private static readonly Encoding Utf8Strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static EncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The decoded text, the encoding's web name, why it was chosen, and a warning when bytes had to be replaced.</summary>
    public readonly record struct Result(string Text, string Encoding, string Source, string? Warning);

    public static Result Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null, bool lookForHtmlMeta = false)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return DecodeUtf8(bytes[3..], "bom");
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            var enc = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return new Result(enc.GetString(bytes[2..]), enc.WebName, "bom", null);
        }

        var declared = declaredCharset;
        var declaredSource = "declared";
        if (declared is null && lookForHtmlMeta)
        {
            declared = HtmlMetaCharset(bytes);
            declaredSource = "meta";
        }

        if (declared is not null && TryGetEncoding(declared) is { } declaredEncoding)
        {
            // A page that declares one charset but is valid UTF-8 with non-ASCII bytes was almost always re-saved as UTF-8.
            if (declaredEncoding.CodePage != Encoding.UTF8.CodePage && HasNonAscii(bytes) && IsValidUtf8(bytes))
            {
                return new Result(Encoding.UTF8.GetString(bytes), "utf-8", "utf8-valid (declared " + declared + ")", null);
            }

            if (declaredEncoding.CodePage == Encoding.UTF8.CodePage)
            {
                // Declared UTF-8 but mostly not UTF-8 (a server default over an old code-page page): the bytes decide.
                if (!IsValidUtf8(bytes) && !LooksLikeBrokenUtf8(bytes))
                {
                    // Archived and re-served pages carry the wrapper's UTF-8 declaration first and the page's own
                    // (gb2312, iso-8859-2) after it: the page's own names what the bytes are.
                    if (lookForHtmlMeta && OtherMetaCharset(bytes) is { } other)
                    {
                        return new Result(other.Charset.GetString(bytes), other.Charset.WebName, "meta " + other.Label + " (declared " + declared + ")", null);
                    }

                    var guess = ChooseSingleByte(bytes);
                    return new Result(guess.GetString(bytes), guess.WebName, "letter-statistics (declared " + declared + ")", null);
                }

                return DecodeUtf8(bytes, declaredSource);
            }

            return new Result(declaredEncoding.GetString(bytes), declaredEncoding.WebName, declaredSource, null);
        }

        if (IsValidUtf8(bytes))
        {
            return new Result(Encoding.UTF8.GetString(bytes), "utf-8", "utf8-valid", null);
        }

        // Mostly UTF-8 with a few broken sequences (a truncated or mis-joined file): keep UTF-8, replace and say so.
        if (LooksLikeBrokenUtf8(bytes))
        {
            return DecodeUtf8(bytes, "utf8-mostly-valid");
        }

        var best = ChooseSingleByte(bytes);
        return new Result(best.GetString(bytes), best.WebName, "letter-statistics", null);
    }

    private static Result DecodeUtf8(ReadOnlySpan<byte> bytes, string source)
    {
        if (IsValidUtf8(bytes))
        {
            return new Result(Encoding.UTF8.GetString(bytes), "utf-8", source, null);
        }

        var text = Encoding.UTF8.GetString(bytes);
        var bad = text.Count(c => c == '\uFFFD');
        return new Result(text, "utf-8", source, $"invalid UTF-8: {bad} malformed byte sequence(s) replaced with U+FFFD");
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static bool HasNonAscii(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    /// <summary>True when most multi-byte sequences are well-formed UTF-8 and only a few are broken.</summary>
    private static bool LooksLikeBrokenUtf8(ReadOnlySpan<byte> bytes)
    {
        int good = 0, bad = 0;
        for (var i = 0; i < bytes.Length;)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            var need = b >= 0xF0 && b <= 0xF4 ? 3 : b >= 0xE0 ? 2 : b >= 0xC2 && b <= 0xDF ? 1 : -1;
            var ok = need > 0;
            for (var k = 1; ok && k <= need; k++)
            {
                ok = i + k < bytes.Length && (bytes[i + k] & 0xC0) == 0x80;
            }

            if (ok)
            {
                good++;
                i += need + 1;
            }
            else
            {
                bad++;
                i++;
            }
        }

        return good >= 4 && bad * 10 <= good;
    }

    /// <summary>
    /// Picks windows-1251 or windows-1252 by how plausible the words each gives are: Cyrillic text read as
    /// windows-1252 gives words made mostly of accented Latin letters, which no Western language has;
    /// Latin text read as windows-1251 gives words mixing Latin and Cyrillic letters.
    /// </summary>
    private static Encoding ChooseSingleByte(ReadOnlySpan<byte> bytes)
    {
        var cp1252 = Encoding.GetEncoding(1252);
        var cp1251 = Encoding.GetEncoding(1251);
        var as1252 = cp1252.GetString(bytes);
        var as1251 = cp1251.GetString(bytes);
        return Implausibility(as1251, cyrillic: true) < Implausibility(as1252, cyrillic: false) ? cp1251 : cp1252;
    }

    private static double Implausibility(string text, bool cyrillic)
    {
        int words = 0, odd = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            int ascii = 0, other = 0;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                if (text[i] < 0x80)
                {
                    ascii++;
                }
                else
                {
                    other++;
                }

                i++;
            }

            if (other == 0)
            {
                continue;
            }

            words++;
            var isOdd = cyrillic
                ? ascii > 0 // a word mixing Latin and Cyrillic letters
                : other * 2 > ascii + other && ascii + other >= 3; // a word mostly of accented letters
            if (isOdd)
            {
                odd++;
            }
        }

        return words == 0 ? 0.5 : (double)odd / words;
    }

    private static Encoding? TryGetEncoding(string name)
    {
        // As browsers do (the WHATWG encoding standard): Latin-1 and ASCII labels mean windows-1252, and a
        // UTF-16 label on bytes that are evidently ASCII-compatible (no BOM) is a lie best read as UTF-8.
        var label = name.Trim().Trim('"', '\'').ToLowerInvariant();
        label = label switch
        {
            "iso-8859-1" or "iso8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" => "windows-1252",
            "utf-16" or "utf-16le" or "utf-16be" or "unicode" => "utf-8",
            _ => label,
        };
        try
        {
            return Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The charset an HTML page declares in its first 4 KB (meta charset or http-equiv content type).</summary>
    internal static string? HtmlMetaCharset(ReadOnlySpan<byte> bytes) => HtmlMetaCharsets(bytes).FirstOrDefault();

    /// <summary>The first charset other than UTF-8 that the page's first 4 KB declare and this runtime knows.</summary>
    private static (Encoding Charset, string Label)? OtherMetaCharset(ReadOnlySpan<byte> bytes)
    {
        foreach (var label in HtmlMetaCharsets(bytes))
        {
            if (TryGetEncoding(label) is { } encoding && encoding.CodePage != Encoding.UTF8.CodePage)
            {
                return (encoding, label);
            }
        }

        return null;
    }

    /// <summary>Every charset label in the page's first 4 KB, in order.</summary>
    private static List<string> HtmlMetaCharsets(ReadOnlySpan<byte> bytes)
    {
        var labels = new List<string>(2);
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var at = head.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var j = at + "charset".Length;
            while (j < head.Length && head[j] is ' ' or '=' or '"' or '\'')
            {
                j++;
            }

            var start = j;
            while (j < head.Length && (char.IsLetterOrDigit(head[j]) || head[j] is '-' or '_' or ':' or '.'))
            {
                j++;
            }

            if (j > start)
            {
                labels.Add(head[start..j]);
            }

            at = head.IndexOf("charset", j, StringComparison.OrdinalIgnoreCase);
        }

        return labels;
    }
}
