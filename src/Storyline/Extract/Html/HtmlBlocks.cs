using System.Buffers;
using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;

namespace Storyline.Extract.Html;

/// <summary>What kind of element a block of text sits in, as far as reading order and roles go.</summary>
internal enum BlockKind
{
    Paragraph,
    Heading1,
    Heading,
    ListItem,
    Quote,
    Preformatted,
    TableCell,
    Caption,
    Other,
}

/// <summary>
/// A run of text between block-level boundaries, in page order, with what the scorer needs: its container
/// element, how much of it is link text, and the chain of ancestors it sits in.
/// </summary>
internal sealed class TextBlock
{
    public required string Text { get; init; }

    public required IElement Container { get; init; }

    public required BlockKind Kind { get; init; }

    /// <summary>Characters of the text inside &lt;a&gt; elements.</summary>
    public int LinkChars { get; init; }

    /// <summary>Index in page order.</summary>
    public int Index { get; init; }

    public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkChars / Text.Length;
}

/// <summary>
/// Splits a parsed document into <see cref="TextBlock"/>s in reading order. The walk is iterative, so
/// deeply nested markup cannot exhaust the stack. Not thread-safe per instance; create one per page.
/// </summary>
internal static class HtmlBlocks
{
    private static readonly FrozenSet<string> Skipped = FrozenSet.ToFrozenSet(
        ["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "select",
         "option", "button", "input", "textarea", "head", "link", "meta", "audio", "video", "picture", "img", "map", "dialog",
         // Ruby annotations (furigana over Japanese kanji) are a reading aid printed above the line, not words of it.
         "rt", "rp"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> BlockLevel = FrozenSet.ToFrozenSet(
        ["address", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl", "dt", "fieldset",
         "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
         "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "summary",
         "caption", "center", "hgroup", "menu", "html", "frameset", "frame", "legend"],
        StringComparer.Ordinal);

    public static List<TextBlock> Split(IElement root, CancellationToken cancellationToken)
    {
        var blocks = new List<TextBlock>();
        var text = new StringBuilder();
        var linkChars = 0;
        IElement container = root;
        var pendingSpace = false;

        void Flush()
        {
            var t = text.ToString().Trim();
            if (t.Length > 0 && HasLetterOrDigit(t))
            {
                blocks.Add(new TextBlock
                {
                    Text = t,
                    Container = container,
                    Kind = KindOf(container),
                    LinkChars = Math.Min(linkChars, t.Length),
                    Index = blocks.Count,
                });
            }

            text.Clear();
            linkChars = 0;
            pendingSpace = false;
        }

        // Each stack entry is a node to enter, or (Exit) an element whose end is reached.
        var stack = new Stack<(INode Node, bool Exit, int LinkDepth)>();
        stack.Push((root, false, 0));
        var visited = 0;
        while (stack.Count > 0)
        {
            var (node, exit, linkDepth) = stack.Pop();
            if ((++visited & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (exit)
            {
                var el = (IElement)node;
                if (BlockLevel.Contains(el.LocalName))
                {
                    Flush();
                    container = ContainerOf(el.ParentElement, root);
                }

                continue;
            }

            if (node is IText textNode)
            {
                var data = textNode.Data.AsSpan();
                var before = text.Length;
                // Words are appended whole; each run of whitespace between them becomes one pending space.
                while (!data.IsEmpty)
                {
                    var word = data.IndexOfAny(WhiteSpace);
                    if (word != 0)
                    {
                        if (pendingSpace)
                        {
                            text.Append(' ');
                            pendingSpace = false;
                        }

                        if (word < 0)
                        {
                            text.Append(data);
                            break;
                        }

                        text.Append(data[..word]);
                        data = data[word..];
                    }

                    pendingSpace = text.Length > 0;
                    var next = data.IndexOfAnyExcept(WhiteSpace);
                    data = next < 0 ? [] : data[next..];
                }

                if (linkDepth > 0)
                {
                    linkChars += text.Length - before;
                }

                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var name = element.LocalName;
            if (Skipped.Contains(name) || IsHidden(element))
            {
                continue;
            }

            if (name == "br")
            {
                // A line break inside a block stays a line break (verse, addresses); whitespace scoring collapses it.
                if (text.Length > 0)
                {
                    text.Append('\n');
                }

                pendingSpace = false;
                continue;
            }

            var isBlock = BlockLevel.Contains(name);
            if (isBlock)
            {
                Flush();
                container = element;
                stack.Push((element, true, linkDepth));
            }

            var childLinkDepth = name == "a" && !IsNamedAnchor(element) ? linkDepth + 1 : linkDepth;
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push((children[i], false, childLinkDepth));
            }
        }

        Flush();
        return blocks;
    }

    /// <summary>The nearest block-level element at or above <paramref name="el"/>, or the root.</summary>
    private static IElement ContainerOf(IElement? el, IElement root)
    {
        var depth = 0;
        while (el is not null && depth++ < 10_000)
        {
            if (BlockLevel.Contains(el.LocalName) || el == root)
            {
                return el;
            }

            el = el.ParentElement;
        }

        return root;
    }

    /// <summary>
    /// An &lt;a name&gt; without href marks a place to jump to, not a link. Old pages leave it open, and the parser
    /// then puts the whole section after it inside, where its text would count as link text.
    /// </summary>
    private static bool IsNamedAnchor(IElement a) => !a.HasAttribute("href") && a.HasAttribute("name");

    /// <summary>The characters char.IsWhiteSpace takes, for searching text in runs.</summary>
    private static readonly SearchValues<char> WhiteSpace =
        SearchValues.Create(Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(char.IsWhiteSpace).ToArray());

    private static bool HasLetterOrDigit(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHidden(IElement element)
    {
        // One pass over the attributes for both (each lookup by name scans them), for every element of the page.
        var hidden = false;
        string? style = null;
        var attributes = element.Attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            var attr = attributes[i]!;
            if (attr.Name == "hidden")
            {
                hidden = true;
            }
            else if (attr.Name == "style")
            {
                style ??= attr.Value;
            }
        }

        // React's streaming server rendering sends late parts of the page in hidden <div id="S:0"> elements that
        // its script moves into place at once: the reader sees them, often as the whole article.
        if (hidden && !IsStreamedSegment(element.Id))
        {
            return !IsFoldedPanel(element);
        }

        if (style is not null && style.Length < 400)
        {
            // The style less its spaces, on the stack: many elements have one, and few hide anything.
            Span<char> buffer = stackalloc char[400];
            var n = 0;
            foreach (var c in style)
            {
                if (c != ' ')
                {
                    buffer[n++] = c;
                }
            }

            var s = buffer[..n];
            if (s.Contains("display:none", StringComparison.OrdinalIgnoreCase) || s.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase))
            {
                return !IsFoldedPanel(element);
            }
        }

        return false;
    }

    /// <summary>
    /// The folded panel of an accordion (a step's details, an answer under its question), named so by its class, its id
    /// or its parent's class: hidden until the reader opens it, but text the page shows on a click, and the article's
    /// when it stands in the article. Menus and pop-ups that fold the same way are judged by their own cues.
    /// </summary>
    private static bool IsFoldedPanel(IElement element) =>
        NamesFold(element.ClassName) || NamesFold(element.Id) || NamesFold(element.ParentElement?.ClassName);

    private static bool NamesFold(string? cls) =>
        cls is not null && (cls.Contains("accordion", StringComparison.OrdinalIgnoreCase) || cls.Contains("collapse", StringComparison.OrdinalIgnoreCase));

    private static bool IsStreamedSegment(string? id) =>
        id is { Length: >= 3 } && id[0] == 'S' && id[1] == ':' && id.AsSpan(2).IndexOfAnyExceptInRange('0', '9') < 0;

    private static BlockKind KindOf(IElement container) => container.LocalName switch
    {
        "p" => BlockKind.Paragraph,
        "h1" => BlockKind.Heading1,
        "h2" or "h3" or "h4" or "h5" or "h6" => BlockKind.Heading,
        "li" or "dd" or "dt" => BlockKind.ListItem,
        "blockquote" => BlockKind.Quote,
        "pre" => BlockKind.Preformatted,
        "td" or "th" => BlockKind.TableCell,
        "figcaption" or "caption" => BlockKind.Caption,
        _ => BlockKind.Other,
    };
}
