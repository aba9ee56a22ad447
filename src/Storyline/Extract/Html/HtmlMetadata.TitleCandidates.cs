using System.Numerics;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Storyline.Model;
using F = Storyline.Extract.Html.TitleFeature;

namespace Storyline.Extract.Html;

/// <summary>The title's candidates and their features, for <see cref="TitleRanker"/>.</summary>
internal static partial class HtmlMetadata
{
    /// <summary>Subheadings read as candidates (the first this many h2 and h3 in or before the main content).</summary>
    private const int MaxSubheadingCandidates = 12;

    /// <summary>Title tags of more parts than this give their whole and single parts only.</summary>
    private const int MaxRunParts = 6;

    /// <summary>Which sources gave a text, as bits.</summary>
    [Flags]
    private enum TitleSources
    {
        None = 0,
        H1 = 1,
        Og = 2,
        Ld = 4,
        Tag = 8,
        TagRun = 16,
        Sub = 32,
        Rule = 64,
    }

    /// <summary>
    /// Every text the page could mean as its title: the rules' choice, the h1s (with and without a kicker), the first
    /// h2s and h3s, the title tag, og:title and JSON-LD's headline whole and each run of their parts, twitter:title;
    /// each once, with the features of all the places it was found in.
    /// </summary>
    private static List<TitleCandidate> TitleCandidates(
        MetaValue rulePick,
        List<(IElement Element, string Text)> h1Elements,
        List<IElement> subheadings,
        string? og,
        string? twitter,
        string? ldHeadline,
        string? titleTag,
        IElement? container,
        IReadOnlyList<Block> blocks,
        string? outlet,
        string? host)
    {
        var byText = new Dictionary<string, TitleCandidate>(StringComparer.Ordinal);
        var list = new List<TitleCandidate>();
        var exactSources = new Dictionary<string, TitleSources>(StringComparer.Ordinal);
        var keySources = new Dictionary<string, TitleSources>(StringComparer.Ordinal);
        var position = new ContentPosition(container);
        var stated = og is not null || twitter is not null || ldHeadline is not null || titleTag is not null;

        TitleCandidate? Add(string? text, string source, TitleSources from)
        {
            if (text is null)
            {
                return null;
            }

            text = Clean(text, keepSoftHyphens: true);
            if (text.Length < 2 || text.Length > 400)
            {
                return null;
            }

            if (!byText.TryGetValue(text, out var c))
            {
                c = new TitleCandidate(text, source) { Key = Key(text) };
                byText[text] = c;
                list.Add(c);
            }

            exactSources[text] = exactSources.GetValueOrDefault(text) | from;
            keySources[c.Key] = keySources.GetValueOrDefault(c.Key) | from;
            return c;
        }

        var outletKey = outlet is null ? null : Key(outlet);
        var tagSite = TitleTagSiteName(titleTag);
        bool SiteLike(string k) =>
            k.Length > 0 && ((outletKey is { Length: >= 3 } && (k.Contains(outletKey, StringComparison.Ordinal) || (k.Length >= 4 && outletKey.Contains(k, StringComparison.Ordinal))))
                || (host is not null && (k.Contains(host, StringComparison.Ordinal) || (k.Length >= 4 && host.Contains(k, StringComparison.Ordinal))))
                || k == tagSite);

        Add(rulePick.Value, rulePick.Source, TitleSources.Rule)?.Set(F.Rule);

        for (var i = 0; i < h1Elements.Count; i++)
        {
            var (el, text) = h1Elements[i];
            if (NotATitle(text))
            {
                continue;
            }

            var where = position.Of(el);
            var c = Add(text, "html:h1", TitleSources.H1);
            HeadingFeatures(c, el, where, isH1: true);
            c?.Set(F.H1First, i == 0 ? 1 : 0);
            var full = Clean(SpacedText(el)) is var fullText && !NotATitle(fullText) ? Add(fullText, "html:h1", TitleSources.H1) : null;
            if (full is not null && full != c)
            {
                HeadingFeatures(full, el, where, isH1: true);
                full?.Set(F.H1Full);
            }
        }

        // Headings the rules reject as titles when the page states one: capitals (the site's style; the title tags give
        // the words as written) and a description of three sentences.
        bool NotATitle(string text) => stated && (InCapitals(text) || IsParagraph(text));

        var subs = 0;
        var firstInContent = true;
        foreach (var h in subheadings)
        {
            if (h.LocalName is not ("h2" or "h3"))
            {
                continue;
            }

            // Headings after the main content head related links and footers, never the page.
            var where = position.Of(h);
            if (where == ContentPosition.Where.After)
            {
                continue;
            }

            if (++subs > MaxSubheadingCandidates)
            {
                break;
            }

            var subText = Clean(SpacedText(h));
            var c = NotATitle(subText) ? null : Add(subText, "html:" + h.LocalName, TitleSources.Sub);
            if (c is null)
            {
                continue;
            }

            HeadingFeatures(c, h, where, isH1: false);
            c.Set(h.LocalName == "h2" ? F.SubH2 : F.SubH3);
            if (where == ContentPosition.Where.Inside && firstInContent)
            {
                c.Set(F.SubFirstInContent);
                firstInContent = false;
            }
        }

        Runs(titleTag, "html:title", F.TagWhole, TitleSources.Tag, TitleSources.TagRun);
        Runs(og, "meta:og:title", F.OgWhole, TitleSources.Og, TitleSources.Og);
        Runs(ldHeadline, "json-ld:headline", F.LdWhole, TitleSources.Ld, TitleSources.Ld);
        Add(twitter, "meta:twitter:title", TitleSources.Og)?.Set(F.TwitterWhole);

        // The whole text and every run of its parts ("A | B | C": "A", "A | B", "B | C", …), each with whether what
        // the run leaves out names the site.
        void Runs(string? whole, string source, F wholeFeature, TitleSources fromWhole, TitleSources fromRun)
        {
            if (whole is null)
            {
                return;
            }

            Add(whole, source, fromWhole)?.Set(wholeFeature);
            var seps = CandidateSeparator().Matches(whole);
            if (seps.Count == 0)
            {
                return;
            }

            // Part i runs from starts[i] to ends[i].
            var n = seps.Count + 1;
            var starts = new int[n];
            var ends = new int[n];
            for (var s = 0; s < seps.Count; s++)
            {
                ends[s] = seps[s].Index;
                starts[s + 1] = seps[s].Index + seps[s].Length;
            }

            ends[n - 1] = whole.Length;
            var siteLike = new bool[n];
            for (var p = 0; p < n; p++)
            {
                siteLike[p] = SiteLike(Key(whole[starts[p]..ends[p]]));
            }

            for (var i = 0; i < n; i++)
            {
                for (var j = i; j < n; j++)
                {
                    if ((i == 0 && j == n - 1) || (n > MaxRunParts && j != i))
                    {
                        continue;
                    }

                    var c = Add(whole[starts[i]..ends[j]], source, fromRun);
                    if (c is null)
                    {
                        continue;
                    }

                    // What the run leaves out: all of it the site's name, or some.
                    bool allSite = true, someSite = false;
                    for (var p = 0; p < n; p++)
                    {
                        if (p < i || p > j)
                        {
                            allSite &= siteLike[p];
                            someSite |= siteLike[p];
                        }
                    }

                    if (wholeFeature == F.TagWhole)
                    {
                        c.Set(i == 0 ? F.TagPrefix : j == n - 1 ? F.TagSuffix : F.TagMiddle);
                        c.Set(F.TagOnePart, i == j ? 1 : 0);
                        c.Set(F.TagRestIsSite, allSite ? 1 : 0);
                        c.Set(F.TagRestHasSite, someSite ? 1 : 0);
                    }
                    else
                    {
                        c.Set(wholeFeature == F.OgWhole ? F.OgPart : F.LdPart);
                        c.Set(F.OgRestIsSite, wholeFeature == F.OgWhole && allSite ? 1 : 0);
                    }
                }
            }
        }

        // Whether the rules took their choice from an h1, or from the title tag; whether an h1 stands in the content.
        var ruleOffH1 = rulePick.Source != "html:h1";
        var ruleTag = rulePick.Source == "html:title";
        var h1InContent = list.Any(c => c.Has(F.H1InContent));
        var ruleKey = Key(rulePick.Value);
        var h1Keys = h1Elements.Select(h => Key(h.Text)).Where(k => k.Length >= 8).ToList();
        var (opensKey, firstHeadingKey) = ContentHeadings(blocks);
        var titleWords = new[] { og, ldHeadline, titleTag }.SelectMany(ContentWords).ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var tagFirstWords = titleTag is null ? [] : ContentWords(SiteNameSeparator().Split(titleTag)[0]).ToHashSet(StringComparer.Ordinal);
        var tagFirstLookup = tagFirstWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var coveredWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in list)
        {
            var k = c.Key;
            var keyFrom = keySources[k];
            var exactFrom = exactSources[c.Text];
            c.Set(F.KeyH1, (keyFrom & TitleSources.H1) != 0 ? 1 : 0);
            c.Set(F.KeyOg, (keyFrom & TitleSources.Og) != 0 ? 1 : 0);
            c.Set(F.KeyLd, (keyFrom & TitleSources.Ld) != 0 ? 1 : 0);
            c.Set(F.KeyTag, (keyFrom & TitleSources.Tag) != 0 ? 1 : 0);
            c.Set(F.KeyTagRun, (keyFrom & TitleSources.TagRun) != 0 ? 1 : 0);
            c.Set(F.KeySub, (keyFrom & TitleSources.Sub) != 0 ? 1 : 0);
            c.Set(F.KeyRule, k == ruleKey ? 1 : 0);
            c.Set(F.KeySources, BitOperations.PopCount((uint)(keyFrom & ~TitleSources.Rule)) / 3.0);
            c.Set(F.ExactSources, BitOperations.PopCount((uint)(exactFrom & ~TitleSources.Rule)) / 3.0);

            var words = 1 + c.Text.Count(ch => ch == ' ');
            c.Set(F.Words1, words == 1 ? 1 : 0);
            c.Set(F.Words2To3, words is 2 or 3 ? 1 : 0);
            c.Set(F.Words21Plus, words > 20 ? 1 : 0);
            c.Set(F.Chars120Plus, c.Text.Length > 120 ? 1 : 0);
            c.Set(F.Capitals, InCapitals(c.Text) ? 1 : 0);
            c.Set(F.HasSeparator, SiteNameSeparator().IsMatch(c.Text) ? 1 : 0);
            c.Set(F.HasSite, SiteLike(k) ? 1 : 0);
            c.Set(F.IsSite, (outletKey is not null && k == outletKey) || k == tagSite || (host is not null && k.StartsWith(host, StringComparison.Ordinal) && IsHostName(c.Text, host)) ? 1 : 0);
            var (ownWords, inTitles) = WordsIn(c.Text, titleWords, tagFirstLookup, coveredWords);
            c.Set(F.TitleWordsShare, ownWords == 0 ? 0 : (double)inTitles / ownWords);
            c.Set(F.TitleWordsCovered, tagFirstWords.Count == 0 ? 0 : (double)coveredWords.Count / tagFirstWords.Count);
            c.Set(F.EndsColon, c.Text.EndsWith(':') ? 1 : 0);
            // A menu's arrow or a bullet before the words ("[> Jens Weber").
            c.Set(F.OpensWithMark, c.Text[0] is var first && !char.IsLetterOrDigit(first) && Marks(c.Text[..1]) > 0 && first is not ('(' or '¿' or '¡' or '*') ? 1 : 0);
            // An h1's words after a label ("Klimaschutz: Bohren, bis es heiß wird" beside the h1 "Bohren, bis es heiß wird").
            c.Set(F.KickerBeforeH1, h1Keys.Any(h => k.Length > h.Length && k.EndsWith(h, StringComparison.Ordinal)) ? 1 : 0);

            var isRule = c.Has(F.Rule);
            c.Set(F.RuleTag, isRule && (exactFrom & (TitleSources.Tag | TitleSources.TagRun)) != 0 ? 1 : 0);
            c.Set(F.RuleH1, isRule && (exactFrom & TitleSources.H1) != 0 ? 1 : 0);
            c.Set(F.RuleKeyH1, isRule && (keyFrom & TitleSources.H1) != 0 ? 1 : 0);
            c.Set(F.RuleKeyTag, isRule && (keyFrom & (TitleSources.Tag | TitleSources.TagRun)) != 0 ? 1 : 0);
            // The rules cut the text from a longer one (a kicker, a site's or section's name): no source has it as it is.
            c.Set(F.RuleDerived, isRule && exactFrom == TitleSources.Rule ? 1 : 0);
            c.Set(F.Paragraph, IsParagraph(c.Text) ? 1 : 0);

            // A heading in the content weighs otherwise when the rules took neither an h1 nor it.
            var inContentH1 = c.Has(F.H1InContent);
            var firstSub = c.Has(F.SubFirstInContent);
            c.Set(F.H1InContentRuleOffH1, inContentH1 && ruleOffH1 ? 1 : 0);
            c.Set(F.H1InContentRuleTag, inContentH1 && ruleTag ? 1 : 0);
            c.Set(F.SubFirstRuleOffH1, firstSub && ruleOffH1 ? 1 : 0);
            c.Set(F.SubFirstNoH1InContent, firstSub && !h1InContent ? 1 : 0);
            c.Set(F.ContentOpens, k == opensKey ? 1 : 0);
            c.Set(F.ContentFirstHeading, k == firstHeadingKey ? 1 : 0);
            c.Set(F.ContentOpensRuleOffH1, k == opensKey && ruleOffH1 ? 1 : 0);
        }

        return list;
    }

    /// <summary>
    /// True when <paramref name="pick"/> is an h1's text whose words (by key) a stated title gives whole or as a run
    /// of its parts ("Headline" of "Headline | Section | Site").
    /// </summary>
    private static bool StatedH1(string pick, List<(IElement Element, string Text)> h1Elements, params string?[] stated)
    {
        if (!h1Elements.Any(h => h.Text == pick))
        {
            return false;
        }

        var key = Key(pick);
        foreach (var whole in stated)
        {
            if (whole is null || Key(whole) is var wholeKey && !wholeKey.Contains(key, StringComparison.Ordinal))
            {
                continue;
            }

            if (wholeKey == key)
            {
                return true;
            }

            var parts = CandidateSeparator().Split(whole);
            for (var i = 0; i < parts.Length; i++)
            {
                var run = "";
                for (var j = i; j < parts.Length && run.Length < key.Length; j++)
                {
                    run += Key(parts[j]);
                    if (run == key)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// How many content words (as <see cref="ContentWords"/> finds them, but counted with repeats) the text has, and
    /// how many of them the page's title tags hold; <paramref name="covered"/> is left with the title tag's first
    /// part's words that the text holds. Words are looked up as spans, not cut out as strings.
    /// </summary>
    private static (int Words, int InTitles) WordsIn(string text, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> titleWords, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> tagFirstWords, HashSet<string> covered)
    {
        covered.Clear();
        Span<char> lower = stackalloc char[64];
        int words = 0, inTitles = 0, start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0 && i - start >= 4 && i - start <= lower.Length)
            {
                var word = lower[..(i - start)];
                text.AsSpan(start, i - start).ToLowerInvariant(word);
                words++;
                inTitles += titleWords.Contains(word) ? 1 : 0;
                if (tagFirstWords.TryGetValue(word, out var known))
                {
                    covered.Add(known);
                }
            }

            start = -1;
        }

        return (words, inTitles);
    }

    /// <summary>The key of the heading the extracted text opens with (among its first three kept blocks), and of its first heading at all.</summary>
    private static (string? Opens, string? First) ContentHeadings(IReadOnlyList<Block> blocks)
    {
        var kept = 0;
        foreach (var b in blocks)
        {
            if (b.Role == BlockRole.Boilerplate)
            {
                continue;
            }

            kept++;
            if (b.Role is BlockRole.Title or BlockRole.Heading)
            {
                var k = Key(b.Text);
                return (kept <= 3 ? k : null, k);
            }
        }

        return (null, null);
    }

    /// <summary>Where a heading stands (in, before or after the main content), in a link, in the site's chrome, under a class naming a title.</summary>
    private static void HeadingFeatures(TitleCandidate? c, IElement el, ContentPosition.Where where, bool isH1)
    {
        if (c is null)
        {
            return;
        }

        if (isH1)
        {
            c.Set(F.H1);
        }

        switch (where)
        {
            case ContentPosition.Where.Inside:
                c.Set(isH1 ? F.H1InContent : F.SubInContent);
                break;
            case ContentPosition.Where.Before:
                c.Set(isH1 ? F.H1BeforeContent : F.SubBeforeContent);
                break;
            case ContentPosition.Where.After when isH1:
                c.Set(F.H1AfterContent);
                break;
        }

        var depth = 0;
        for (var e = el; e is not null; e = e.ParentElement, depth++)
        {
            if (depth <= 3 && (NamesTitle(e.GetAttribute("class")) || NamesTitle(e.Id)))
            {
                c.Set(F.ElTitleClass);
            }

            if (e.LocalName == "a")
            {
                c.Set(F.ElInLink);
            }

            if (e.LocalName is "nav" or "footer" or "aside")
            {
                c.Set(F.ElInChrome);
            }
        }

        if (el.ChildElementCount == 1 && el.FirstElementChild is { LocalName: "a" } a && a.TextContent.Trim().Length == el.TextContent.Trim().Length)
        {
            c.Set(F.ElInLink);
        }

        static bool NamesTitle(string? s) => s is not null && (s.Contains("title", StringComparison.OrdinalIgnoreCase) || s.Contains("headline", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Where elements stand relative to the main content's element, in document order: the container's ancestors are
    /// listed once, so each element costs a walk up to the first of them and a comparison of two siblings' places.
    /// </summary>
    private sealed class ContentPosition(IElement? container)
    {
        public enum Where
        {
            Unknown,
            Inside,
            Before,
            After,
        }

        private readonly Dictionary<INode, INode?> _ancestors = Ancestors(container);

        /// <summary>Each ancestor of the container with its child on the way down to the container.</summary>
        private static Dictionary<INode, INode?> Ancestors(IElement? container)
        {
            var map = new Dictionary<INode, INode?>(ReferenceEqualityComparer.Instance);
            INode? below = null;
            for (INode? n = container; n is not null; below = n, n = n.Parent)
            {
                map[n] = below;
            }

            return map;
        }

        public Where Of(IElement el)
        {
            if (container is null)
            {
                return Where.Unknown;
            }

            INode? below = null;
            for (INode? n = el; n is not null; below = n, n = n.Parent)
            {
                if (!_ancestors.TryGetValue(n, out var towardContainer))
                {
                    continue;
                }

                if (n == container)
                {
                    return Where.Inside;
                }

                if (below is null || towardContainer is null)
                {
                    // The element holds the container.
                    return Where.Before;
                }

                // Which of the two children of the common ancestor comes first.
                for (var s = below.NextSibling; s is not null; s = s.NextSibling)
                {
                    if (s == towardContainer)
                    {
                        return Where.Before;
                    }
                }

                return Where.After;
            }

            return Where.Unknown;
        }
    }

    /// <summary>Where a title is cut into parts: the title tag's separators, a spaced slash, and a bare bar ("NEWS WEB EASY|…").</summary>
    [GeneratedRegex(@"\s+(?:\||–|—|-|::?|·|»|•|/)\s+|\s*[|｜]\s*")]
    private static partial Regex CandidateSeparator();
}
