using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Storyline.Time;

namespace Storyline.Eval.Time;

/// <summary>A TIMEX3 element of a TimeML document: a span of the document's text with its type and value.</summary>
public sealed record TimeMlTimex(int Start, int Length, TimexType Type, string Value, string? Tid = null, string? Mod = null)
{
    public int End => Start + Length;
}

/// <summary>
/// A TimeML (.tml) document read as plain text (the TEXT element with its tags removed and entities decoded),
/// its TIMEX3 elements as spans of that text, and its creation time (the DCT).
/// </summary>
public sealed record TimeMlDocument(string Id, string Text, DateOnly? CreationDate, string? CreationValue, IReadOnlyList<TimeMlTimex> Timexes)
{
    private static readonly Regex Attr = new("""(\w+)\s*=\s*"([^"]*)"|(\w+)\s*=\s*'([^']*)'""", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>Reads a .tml file; throws <see cref="FormatException"/> with the reason when it is not TimeML.</summary>
    public static TimeMlDocument Load(string path)
    {
        var xml = File.ReadAllText(path);
        return Parse(Path.GetFileNameWithoutExtension(path), xml);
    }

    public static TimeMlDocument Parse(string id, string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var textOpen = xml.IndexOf("<TEXT>", StringComparison.Ordinal);
        var textClose = xml.IndexOf("</TEXT>", StringComparison.Ordinal);
        if (textOpen < 0 || textClose < textOpen)
        {
            throw new FormatException("no <TEXT> element");
        }

        DateOnly? dct = null;
        string? dctValue = null;
        foreach (var tag in OpenTags(xml, "TIMEX3"))
        {
            var attrs = Attributes(tag);
            if (attrs.TryGetValue("functionInDocument", out var f) && f == "CREATION_TIME" && attrs.TryGetValue("value", out var v))
            {
                dctValue = v;
                dct = ParseDay(v);
                break;
            }
        }

        var body = xml.AsSpan(textOpen + "<TEXT>".Length, textClose - textOpen - "<TEXT>".Length);
        var sb = new StringBuilder(body.Length);
        var timexes = new List<TimeMlTimex>();
        (int Start, Dictionary<string, string> Attrs)? open = null;
        var i = 0;
        while (i < body.Length)
        {
            var c = body[i];
            if (c == '<')
            {
                var close = body[i..].IndexOf('>');
                if (close < 0)
                {
                    throw new FormatException("unclosed tag in <TEXT>");
                }

                var tag = body.Slice(i, close + 1).ToString();
                if (tag.StartsWith("<TIMEX3", StringComparison.Ordinal))
                {
                    open = (sb.Length, Attributes(tag));
                }
                else if (tag.StartsWith("</TIMEX3", StringComparison.Ordinal) && open is { } o)
                {
                    o.Attrs.TryGetValue("type", out var type);
                    if (!TimexTypes.TryParse(type, out var t))
                    {
                        throw new FormatException($"TIMEX3 with unknown type \"{type}\"");
                    }

                    o.Attrs.TryGetValue("value", out var value);
                    o.Attrs.TryGetValue("tid", out var tid);
                    o.Attrs.TryGetValue("mod", out var mod);
                    timexes.Add(new TimeMlTimex(o.Start, sb.Length - o.Start, t, value ?? "", tid, mod));
                    open = null;
                }

                i += close + 1;
            }
            else if (c == '&')
            {
                var semi = body[i..].IndexOf(';');
                if (semi > 0 && semi < 10)
                {
                    sb.Append(WebUtility.HtmlDecode(body.Slice(i, semi + 1).ToString()));
                    i += semi + 1;
                }
                else
                {
                    sb.Append(c);
                    i++;
                }
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }

        var docId = id;
        var idOpen = xml.IndexOf("<DOCID>", StringComparison.Ordinal);
        var idClose = xml.IndexOf("</DOCID>", StringComparison.Ordinal);
        if (idOpen >= 0 && idClose > idOpen)
        {
            docId = xml[(idOpen + 7)..idClose].Trim();
        }

        return new TimeMlDocument(docId, sb.ToString(), dct, dctValue, timexes);
    }

    private static IEnumerable<string> OpenTags(string xml, string name)
    {
        var i = 0;
        while ((i = xml.IndexOf("<" + name, i, StringComparison.Ordinal)) >= 0)
        {
            var close = xml.IndexOf('>', i);
            if (close < 0)
            {
                yield break;
            }

            yield return xml[i..(close + 1)];
            i = close + 1;
        }
    }

    private static Dictionary<string, string> Attributes(string tag)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Attr.Matches(tag))
        {
            var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[3].Value;
            var value = m.Groups[1].Success ? m.Groups[2].Value : m.Groups[4].Value;
            d[name] = WebUtility.HtmlDecode(value);
        }

        return d;
    }

    /// <summary>The day of a TimeML value (1998-01-08, 19980108, 1998-01-08T10:00).</summary>
    public static DateOnly? ParseDay(string value)
    {
        if (value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        if (value.Length >= 8 && DateOnly.TryParseExact(value[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d))
        {
            return d;
        }

        return null;
    }
}

/// <summary>Writes a document's text with TIMEX3 elements as a TimeML .tml file, the form other TimeML tools read.</summary>
public static class TimeMlWriter
{
    public static string Write(TimeMlDocument document, IEnumerable<TimeMlTimex> timexes)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(timexes);
        var sb = new StringBuilder(document.Text.Length * 2);
        sb.Append("<?xml version=\"1.0\" ?>\n<TimeML>\n\n<DOCID>").Append(Escape(document.Id)).Append("</DOCID>\n\n");
        if (document.CreationValue is { } dct)
        {
            sb.Append("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"").Append(Escape(dct))
              .Append("\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">").Append(Escape(dct)).Append("</TIMEX3></DCT>\n\n");
        }

        sb.Append("<TEXT>");
        var pos = 0;
        var n = 1;
        foreach (var t in timexes.OrderBy(t => t.Start).ThenByDescending(t => t.Length))
        {
            if (t.Start < pos || t.End > document.Text.Length)
            {
                continue; // TIMEX3 elements do not nest or overlap
            }

            sb.Append(Escape(document.Text.AsSpan(pos, t.Start - pos)));
            sb.Append("<TIMEX3 tid=\"t").Append(n++.ToString(CultureInfo.InvariantCulture)).Append("\" type=\"").Append(TimexTypes.Name(t.Type))
              .Append("\" value=\"").Append(Escape(t.Value)).Append('"');
            if (t.Mod is not null)
            {
                sb.Append(" mod=\"").Append(Escape(t.Mod)).Append('"');
            }

            sb.Append('>');
            sb.Append(Escape(document.Text.AsSpan(t.Start, t.Length))).Append("</TIMEX3>");
            pos = t.End;
        }

        sb.Append(Escape(document.Text.AsSpan(pos))).Append("</TEXT>\n\n</TimeML>\n");
        return sb.ToString();
    }

    private static string Escape(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
