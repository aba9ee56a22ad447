using System.Buffers;

namespace Storyline.Extract.Html;

/// <summary>
/// Cuts what no reader sees — scripts (except JSON-LD, which carries metadata), styles, inline SVG, noscript
/// fallbacks and comments — out of the markup before it is parsed. On modern pages that is often most of the bytes, and the
/// parser's time grows with them. The cut follows the HTML tokenizer's own rule: raw text ends at the first
/// matching end tag. Stateless and thread-safe.
/// </summary>
internal static class HtmlPrefilter
{
    /// <summary>The markup less what no reader sees: <paramref name="html"/> itself when nothing is cut.</summary>
    public static string Strip(string html)
    {
        var cuts = Cuts(html);
        if (cuts is null)
        {
            return html;
        }

        return string.Create(KeptLength(html, cuts), (html, cuts), static (span, state) => CopyKept(state.html, state.cuts, span));
    }

    /// <summary>
    /// As <see cref="Strip"/>, written into an array rented from the shared pool (the caller returns it) with its
    /// length; null when nothing is cut. A page's markup is larger than the collector's small-object limit, and a
    /// fresh string per page is a large-object allocation that only a full collection reclaims.
    /// </summary>
    public static char[]? StripRented(string html, out int length)
    {
        var cuts = Cuts(html);
        if (cuts is null)
        {
            length = html.Length;
            return null;
        }

        length = KeptLength(html, cuts);
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, length));
        CopyKept(html, cuts, buffer.AsSpan(0, length));
        return buffer;
    }

    private static int KeptLength(string html, List<(int Start, int End)> cuts)
    {
        var length = html.Length;
        foreach (var (start, end) in cuts)
        {
            length -= end - start;
        }

        return length;
    }

    private static void CopyKept(string text, List<(int Start, int End)> cuts, Span<char> span)
    {
        var copied = 0;
        foreach (var (start, end) in cuts)
        {
            text.AsSpan(copied, start - copied).CopyTo(span);
            span = span[(start - copied)..];
            copied = end;
        }

        text.AsSpan(copied).CopyTo(span);
    }

    /// <summary>
    /// How every cut starts: "&lt;!--", or a tag name that the case-insensitive checks below take, whose first letter is
    /// s, S, the long s (ſ, which ordinal case-insensitive comparison takes for an s), n or N.
    /// </summary>
    private static readonly SearchValues<string> CutStarts = SearchValues.Create(["<!", "<s", "<S", "<\u017F", "<n", "<N"], StringComparison.Ordinal);

    /// <summary>The ranges to cut, in order and apart; null when there are none.</summary>
    private static List<(int Start, int End)>? Cuts(string html)
    {
        // The cuts are found first and the text written once at its final length: pages are long, and a growing
        // builder would allocate them twice over.
        List<(int Start, int End)>? cuts = null;
        var i = 0;
        while (true)
        {
            // Only a '<' that can open a cut is looked at: the search passes over the page's other tags (most of them).
            var at = html.AsSpan(i).IndexOfAny(CutStarts);
            var lt = at < 0 ? -1 : i + at;
            if (lt < 0 || lt + 4 >= html.Length)
            {
                break;
            }

            var span = html.AsSpan(lt + 1);
            int end;
            if (span.StartsWith("!--", StringComparison.Ordinal))
            {
                var close = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                end = close < 0 ? html.Length : close + 3;
            }
            else if (IsTag(span, "script"))
            {
                var tagEnd = html.IndexOf('>', lt);
                if (tagEnd < 0)
                {
                    break;
                }

                if (html.AsSpan(lt, tagEnd - lt).Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                {
                    i = tagEnd + 1;
                    continue;
                }

                end = EndOf(html, tagEnd + 1, "</script");
                if (IsArticleTemplate(html, lt, tagEnd))
                {
                    // Blogger's templates write the post itself as a text/template script directly inside the element
                    // marked itemprop=articleBody, and a script renders it: the reader sees it, so only the script's
                    // tags are cut and its markup is parsed as the page's.
                    var close = html.LastIndexOf("</script", end - 1, end - tagEnd - 1, StringComparison.OrdinalIgnoreCase);
                    cuts ??= [];
                    cuts.Add((lt, tagEnd + 1));
                    if (close > tagEnd)
                    {
                        cuts.Add((close, end));
                    }

                    i = end;
                    continue;
                }
            }
            else if (IsTag(span, "style"))
            {
                end = EndOf(html, lt + 6, "</style");
            }
            else if (IsTag(span, "svg"))
            {
                end = EndOf(html, lt + 4, "</svg");
            }
            else if (IsTag(span, "noscript"))
            {
                // A browser that runs scripts reads a noscript's content as raw text up to its end tag and shows none
                // of it. Parsed as markup instead, an unclosed tag inside it ("<noscript><div></noscript>") can pull
                // the whole page into the noscript, where no text is read.
                end = EndOf(html, lt + 9, "</noscript");
            }
            else
            {
                i = lt + 1;
                continue;
            }

            cuts ??= [];
            cuts.Add((lt, end));
            i = end;
            if (i >= html.Length)
            {
                break;
            }
        }

        return cuts;
    }

    /// <summary>
    /// A script of type text/template that is the first thing inside an element marked itemprop="articleBody": the
    /// article's own markup, held for a script to render.
    /// </summary>
    private static bool IsArticleTemplate(string html, int lt, int tagEnd)
    {
        var tag = html.AsSpan(lt, tagEnd - lt);
        if (!tag.Contains("text/template", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var before = html.AsSpan(0, lt).TrimEnd();
        if (before.Length == 0 || before[^1] != '>')
        {
            return false;
        }

        var open = before.LastIndexOf('<');
        var parent = open < 0 ? [] : before[open..];
        return parent.Length > 1 && parent[1] != '/' && parent.Contains("articleBody", StringComparison.Ordinal);
    }

    private static bool IsTag(ReadOnlySpan<char> afterLt, string name) =>
        afterLt.Length > name.Length
        && afterLt.StartsWith(name, StringComparison.OrdinalIgnoreCase)
        && afterLt[name.Length] is ' ' or '>' or '\t' or '\n' or '\r' or '/' or '\f';

    /// <summary>Index just past the end tag's '>' (or the end of the text when it never closes).</summary>
    private static int EndOf(string html, int from, string endTag)
    {
        var close = html.IndexOf(endTag, from, StringComparison.OrdinalIgnoreCase);
        if (close < 0)
        {
            return html.Length;
        }

        var gt = html.IndexOf('>', close + endTag.Length);
        return gt < 0 ? html.Length : gt + 1;
    }
}
