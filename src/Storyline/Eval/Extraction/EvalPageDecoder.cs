using System.Text;
using System.Text.RegularExpressions;

namespace Storyline.Eval.Extraction;

/// <summary>
/// Bytes to text for the evaluation sets until the shared encoding detector of Ingest lands: a BOM, then an
/// HTML meta charset in the first 4 KB, then UTF-8 (invalid sequences replaced). Thread-safe (stateless).
/// </summary>
internal static partial class EvalPageDecoder
{
    static EvalPageDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (string Text, string Encoding, string Source) Decode(ReadOnlySpan<byte> bytes, bool html)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Encoding.UTF8.GetString(bytes[3..]), "utf-8", "bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode.GetString(bytes[2..]), "utf-16le", "bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", "bom");
        }

        if (html)
        {
            var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
            var m = MetaCharset().Match(head);
            if (m.Success)
            {
                var name = m.Groups[1].Value.Trim().ToLowerInvariant();
                // Browsers read pages that declare Latin-1 as windows-1252, and a "UTF-16" declaration in bytes
                // that are evidently ASCII-compatible is a lie; the HTML standard says the same.
                name = name switch { "iso-8859-1" or "latin1" or "us-ascii" or "ascii" => "windows-1252", "utf-16" or "utf-16le" or "utf-16be" => "utf-8", _ => name };
                try
                {
                    var enc = Encoding.GetEncoding(name);
                    return (enc.GetString(bytes), enc.WebName, "meta");
                }
                catch (ArgumentException)
                {
                    // An unknown charset name: fall through to UTF-8.
                }
            }
        }

        return (Encoding.UTF8.GetString(bytes), "utf-8", "default");
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
