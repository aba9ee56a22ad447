using System.Buffers;
using System.Text;

namespace Storyline.Ingest;

/// <summary>
/// Repairs UTF-8 text that was decoded once as Latin-1 or windows-1252 and saved again as UTF-8 ("Investorâ€™s",
/// "Investorâ\u0080\u0099s" for "Investor’s"): pages carry it in their own bytes, so no choice of charset fixes it.
/// A page is repaired only on firm evidence, at least <see cref="MinEvidence"/> sequences that real text never holds
/// (a C1 control character, or a windows-1252 sign such as € or ™ right after the lead letter); then every
/// sequence that spells a valid UTF-8 character is put back, including weak ones like "Ã©" for "é". Thread-safe.
/// </summary>
public static class Mojibake
{
    /// <summary>Firm sequences a page needs before anything is repaired: one could be a quoted example.</summary>
    public const int MinEvidence = 2;

    // windows-1252's characters for the bytes 0x80-0x9F, from the code page itself (its five unused bytes read as
    // the C1 controls of the same number, which ByteOf treats alike).
    private static readonly string Cp1252High = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString([.. Enumerable.Range(0x80, 32).Select(b => (byte)b)]);

    private static readonly SearchValues<char> Suspects = SearchValues.Create("\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F\u20AC");

    /// <summary>The text with double-encoded characters put back, and how many were; the text itself when none were.</summary>
    public static (string Text, int Repaired) Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(Suspects) < 0)
        {
            return (text, 0);
        }

        var firm = 0;
        for (var i = 0; i < text.Length && firm < MinEvidence; i++)
        {
            if (Match(text, i, out var length, out var isFirm) && isFirm)
            {
                firm++;
                i += length - 1;
            }
        }

        if (firm < MinEvidence)
        {
            return (text, 0);
        }

        var sb = new StringBuilder(text.Length);
        var repaired = 0;
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            if (Match(text, i, out var length, out _))
            {
                for (var k = 0; k < length; k++)
                {
                    bytes[k] = ByteOf(text[i + k]);
                }

                Rune.DecodeFromUtf8(bytes[..length], out var rune, out _);
                sb.Append(rune.ToString());
                repaired++;
                i += length - 1;
            }
            else
            {
                sb.Append(text[i]);
            }
        }

        return (sb.ToString(), repaired);
    }

    /// <summary>
    /// Whether the characters at <paramref name="at"/>, read back as windows-1252 (or Latin-1) bytes, are one valid
    /// multi-byte UTF-8 character; firm when a continuation is a C1 control or a windows-1252 sign.
    /// </summary>
    private static bool Match(string text, int at, out int length, out bool firm)
    {
        length = 0;
        firm = false;
        var lead = text[at];
        var needed = lead switch
        {
            >= '\u00C2' and <= '\u00DF' => 1,
            >= '\u00E0' and <= '\u00EF' => 2,
            >= '\u00F0' and <= '\u00F4' => 3,
            _ => 0,
        };
        if (needed == 0 || at + needed >= text.Length)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[4];
        bytes[0] = (byte)lead;
        for (var k = 1; k <= needed; k++)
        {
            var c = text[at + k];
            var b = ByteOf(c);
            if (b is < 0x80 or > 0xBF)
            {
                return false;
            }

            firm |= c is < '\u00A0' or > '\u00FF';
            bytes[k] = b;
        }

        if (Rune.DecodeFromUtf8(bytes[..(needed + 1)], out _, out var consumed) != OperationStatus.Done || consumed != needed + 1)
        {
            return false;
        }

        length = needed + 1;
        return true;
    }

    /// <summary>The byte windows-1252 (or, for C1 controls, Latin-1) writes as <paramref name="c"/>; 0 when none.</summary>
    private static byte ByteOf(char c)
    {
        if (c <= '\u00FF')
        {
            return (byte)c;
        }

        var at = Cp1252High.IndexOf(c, StringComparison.Ordinal);
        return at < 0 ? (byte)0 : (byte)(0x80 + at);
    }
}
