using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using Storyline.Model;

namespace Storyline.Extract.Html;

/// <summary>The scorer's verdict on a page: every block with its role, and how sure the choice was.</summary>
internal sealed record ContentChoice(IReadOnlyList<Block> Blocks, IElement? Container, double ContentChars, int BodyBlocks);

/// <summary>
/// Finds a page's main content. Each text block is judged on its own (length, sentence punctuation, link
/// density, the class/id/role cues of the elements around it); each element then scores the content-like
/// text it holds minus the boilerplate-like text it holds, and the best-scoring element — the densest region
/// of content in the tree — is the article. Inside it, blocks under boilerplate cues (share bars, captions,
/// related rails, subscription boxes) are still removed, each with its reason. Stateless and thread-safe.
/// </summary>
internal static partial class ContentScorer
{
    private const double BadWeight = 0.65;
    private const double NeutralWeight = 0.15;
    private const int MaxClimb = 400;

    /// <summary>The parent must hold this many times the chosen element's content-like text to replace it ...</summary>
    private const double ClimbGoodRatio = 1.5;

    /// <summary>... and still score at least this share of its score.</summary>
    private const double ClimbScoreRatio = 0.3;

    /// <summary>
    /// Share of the text under boilerplate cues that does not count against an element: it is removed wherever
    /// the article is taken to be, so a post with a long comment thread inside it is still the article.
    /// </summary>
    private const double CuedDiscount = 0.5;

    /// <summary>Most blocks an element under a "teaser" cue may hold, without links, and be the article's own standfirst.</summary>
    private const int MaxOwnTeaserBlocks = 4;

    /// <summary>How many blocks before the body the search for its lead goes back, and how many lead paragraphs it takes.</summary>
    private const int LeadLookBack = 15;

    private const double LeadMaxLinkShare = 0.25;

    private const int MaxLeads = 4;

    /// <summary>
    /// Inside the article, a sentence this long, with this many characters outside its links, is the author's even
    /// when most of its words are links (a round-up of sources, thanks to named people); menus and teaser titles do
    /// not end in a full stop.
    /// </summary>
    private const int LinkedSentenceMinChars = 40;

    private const int LinkedSentenceOwnChars = 15;

    /// <summary>Characters outside its links that make a paragraph inside the article the author's, however it ends.</summary>
    private const int LinkedProseOwnChars = 60;

    /// <summary>Longest line that <see cref="IsStampLine"/> takes for a stamp.</summary>
    private const int StampMaxChars = 60;

    /// <summary>Below this much content-like text the chosen element yields to the one the page marks as its article's text.</summary>
    private const double WeakChoiceChars = 1000;

    /// <summary>Text (content-like or short lines, not links) that the page's article landmark must hold to be taken instead.</summary>
    private const double LandmarkMinChars = 100;

    /// <summary>Content-like text that makes a box set aside inside the article a part of it.</summary>
    private const int CalloutMinChars = 150;

    /// <summary>Content-like text that a sibling of the chosen element, of its tag and class (or also named as the text), must hold to be part of the article.</summary>
    private const double TwinMinChars = 150;

    /// <summary>
    /// Share of the chosen element's content-like text that its text container holds: what follows it in the chosen
    /// element is the site's when it is a seventh of the text or less (a firm's offer, an appeal, a short biography).
    /// </summary>
    private const double TextContainerShare = 0.85;

    /// <summary>
    /// Share of it that an element named as the article's text ("entry-content", itemprop=articleBody) must hold to be
    /// the text container: its name says where the post ends even when offers and contact sections of prose follow.
    /// </summary>
    private const double NamedContainerShare = 0.5;

    /// <summary>Content-like text that makes an element under a cue of short or link-made chrome the article's prose.</summary>
    private const int ProseMinChars = 800;

    /// <summary>Share of the body, counted from its end, where <see cref="DropClosingAppeals"/> looks, and the longest line it removes.</summary>
    private const double ClosingShare = 0.2;

    private const int ClosingAppealMaxChars = 300;

    /// <summary>Longest heading that <see cref="DropClosingHeadings"/> removes.</summary>
    private const int ClosingHeadingMaxChars = 150;

    /// <summary>Longest paragraph that <see cref="DropClosingAppeals"/> takes for the author's biography.</summary>
    private const int AuthorBioMaxChars = 800;

    /// <summary>Longest line that <see cref="CommentForm"/> takes for a comment form's label.</summary>
    private const int CommentFormMaxChars = 150;

    /// <summary>Share of the article's content-like text that must precede a heading over other pages before it ends the article.</summary>
    private const double StrongMinShare = 0.5;

    /// <summary>Blocks after a heading over other pages that are searched for a link to one of them.</summary>
    private const int LinkLookAhead = 5;

    /// <summary>Share of link text in what follows such a heading that marks it as a list of teasers.</summary>
    private const double LinkShareAfter = 0.15;

    /// <summary>
    /// Scores the page. <paramref name="relaxed"/> ignores the weak cues (captions, bylines, headers, sidebars) and
    /// the comment cue: for pages whose only article text sits in a standfirst, a video caption or a live ticker
    /// whose entries are marked up as comments.
    /// </summary>
    public static ContentChoice Choose(IReadOnlyList<TextBlock> blocks, IElement root, bool relaxed = false, string? pageUrl = null)
    {
        // Every element on a block's ancestor chain gets a number, in the order the blocks first reach it, so the
        // per-element sums below are arrays; each container's chain is stored once, as numbers.
        var tree = new ChainIndex(blocks, root);
        var n = tree.Count;
        var totals = new double[n];
        var goodTotals = new double[n];
        var linkTotals = new double[n];
        var blockCounts = new int[n];
        var goodBlockCounts = new int[n];
        var judged = new Quality[blocks.Count];
        double pageChars = 0, pageGood = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            judged[i] = Judge(b);
            var good = judged[i] == Quality.Good ? b.Text.Length : 0;
            pageChars += b.Text.Length;
            pageGood += good;
            foreach (var el in tree.Chain(i))
            {
                totals[el] += b.Text.Length;
                linkTotals[el] += b.LinkChars;
                blockCounts[el]++;
                goodTotals[el] += good;
                if (good > 0)
                {
                    goodBlockCounts[el]++;
                }
            }
        }

        // A cue on an element that holds most of the page ("has-sidebar" on a wrapper), or most of its
        // article-like text, says nothing about its parts. Comment sections are the exception: they can
        // outgrow the article they follow. Elements off every chain (index -1) hold no text.
        var cues = new string?[n];
        var cueKnown = new bool[n];
        string? CueOf(IElement element, int el)
        {
            if (el >= 0 && cueKnown[el])
            {
                return cues[el];
            }

            var total = el >= 0 ? totals[el] : 0;
            var goodTotal = el >= 0 ? goodTotals[el] : 0;
            var cue = total > 0.6 * pageChars && pageChars > 500 ? null : NegativeCue(element);
            if (relaxed && cue is "byline or date" or "caption" or "page header" or "sidebar" or "author box" or "tags" or "pop-up" or "page chrome" or "comments")
            {
                cue = null;
            }

            if (cue is not null and not "comments" && pageGood > 0 && goodTotal >= 0.5 * pageGood)
            {
                cue = null;
            }

            // Menus, captions, bylines and sign-up boxes are short or made of links: an element under such a cue
            // that holds several paragraphs of plain prose ("content-nav-section", "paywall-container") is the
            // article, whatever its class says.
            if (cue is "navigation" or "subscription box" or "caption" or "byline or date" or "author box" or "tags" && el >= 0
                && goodTotal >= ProseMinChars && goodBlockCounts[el] >= 3 && linkTotals[el] < 0.15 * total)
            {
                cue = null;
            }

            // A "teaser" of a few paragraphs without links (a dateline and the lead, "Berlin/Potsdam." and its
            // sentence) is the article's own standfirst; teasers of other pages come in lists and link to them.
            if (cue is "related articles" && el >= 0 && blockCounts[el] <= MaxOwnTeaserBlocks && linkTotals[el] < 0.1 * total)
            {
                cue = null;
            }

            // A header holding article-like paragraphs is the article's header (standfirst, intro), not the site's; a
            // heading classed as a "header" (section-header, header-anchor-post) is a heading of the text it stands in.
            if (cue is "page header" && (goodTotal >= 100 || element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6"))
            {
                cue = null;
            }

            if (el >= 0)
            {
                cues[el] = cue;
                cueKnown[el] = true;
            }

            return cue;
        }

        var verdicts = new (Quality Quality, string? Reason)[blocks.Count];
        var goods = new double[n];
        var bads = new double[n];
        var neutrals = new double[n];
        var cuedBad = new double[n];
        var cuedBy = new int[blocks.Count];
        var pageHost = HostOf(pageUrl);
        var teaserCards = TeaserCards(blocks, pageHost);
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            string? cue = null;
            cuedBy[i] = -1;
            foreach (var el in tree.Chain(i))
            {
                cue = CueOf(tree[el], el);
                if (cue is not null)
                {
                    cuedBy[i] = el;
                    break;
                }
            }

            if (cue is null && teaserCards?[i] is { } card)
            {
                cue = "related articles";
                cuedBy[i] = tree.IndexOf(card);
            }

            var quality = cue is not null ? Quality.Bad : judged[i];
            verdicts[i] = (quality, cue);
            var weight = b.Text.Length * (quality == Quality.Good ? 1 - b.LinkDensity : 1);
            var sums = quality switch
            {
                Quality.Good => goods,
                Quality.Bad => bads,
                _ => neutrals,
            };
            foreach (var el in tree.Chain(i))
            {
                sums[el] += weight;
                if (cue is not null)
                {
                    cuedBad[el] += weight;
                }
            }
        }

        var best = -1;
        double bestScore = 0, bestGood = 0;
        for (var el = 0; el < n; el++)
        {
            if (goods[el] <= 0 || CueOf(tree[el], el) is not null)
            {
                continue;
            }

            var score = goods[el] - (BadWeight * (bads[el] - (CuedDiscount * cuedBad[el]))) - (NeutralWeight * neutrals[el]);

            // The class check costs a regex: only run it where the bonus could change the winner.
            if (score > 0 && score * 1.25 > bestScore && PositiveCue(tree[el]))
            {
                score *= 1.25;
            }

            if (score > bestScore)
            {
                best = el;
                bestScore = score;
                bestGood = goods[el];
            }
        }

        // The densest element can be one part of the article (a paragraph, one of several text sections) when
        // the rest carries tables, lists or a box of links. Its parent is the article when it holds much more
        // content-like text and still scores well.
        for (var climbs = 0; best >= 0 && tree[best] != root && climbs < 3; climbs++)
        {
            var parentElement = tree[best].ParentElement;
            if (parentElement is null)
            {
                break;
            }

            var parent = tree.IndexOf(parentElement);
            if (CueOf(parentElement, parent) is not null || parent < 0)
            {
                break;
            }

            // Blocks under a boilerplate cue (comments, share bars) are removed wherever the article is taken to
            // be, so they do not count against the parent here at all.
            var parentScore = goods[parent] - (BadWeight * (bads[parent] - cuedBad[parent])) - (NeutralWeight * neutrals[parent]);
            if (goods[parent] < ClimbGoodRatio * bestGood || parentScore < ClimbScoreRatio * bestScore)
            {
                break;
            }

            best = parent;
            bestScore = parentScore;
            bestGood = goods[parent];
        }

        // A weak choice, with little prose, is often one paragraph or heading of an article made of tables, lists or
        // short lines, or a box elsewhere on the page that happens to hold more sentences: the element the page marks
        // as its article's text holds the article then.
        if (best >= 0 && bestGood < WeakChoiceChars && MarkedArticle(best) is { } marked && marked != best)
        {
            best = marked;
            bestGood = goods[marked];
        }

        // The innermost ancestor of the choice whose class or itemprop names the article's text (below any cued one),
        // or else the page's only article landmark (article, main, role=main, hentry) when the choice lies outside it
        // and it holds text of its own.
        int? MarkedArticle(int chosen)
        {
            var steps = 0;
            for (var e = tree[chosen].ParentElement; e is not null && e != root && steps++ < MaxClimb; e = e.ParentElement)
            {
                var el = tree.IndexOf(e);
                if (el < 0 || CueOf(e, el) is not null)
                {
                    break;
                }

                if (PositiveCue(e))
                {
                    return el;
                }
            }

            int landmark = -1, landmarks = 0;
            for (var el = 0; el < n; el++)
            {
                var e = tree[el];
                if (!IsArticleLandmark(e))
                {
                    continue;
                }

                if (landmark >= 0 && tree[landmark].Contains(e))
                {
                    landmark = el;
                }
                else if (landmark < 0 || !e.Contains(tree[landmark]))
                {
                    landmark = el;
                    landmarks++;
                }
            }

            var chosenElement = tree[chosen];
            return landmarks == 1 && !tree[landmark].Contains(chosenElement) && !chosenElement.Contains(tree[landmark])
                && CueOf(tree[landmark], landmark) is null && goods[landmark] + neutrals[landmark] >= LandmarkMinChars
                ? landmark
                : null;
        }

        // The article's text split into sibling elements of one kind (two "rich-text" blocks around a table or a form, an
        // "intro" block before the "post-content"): those that hold prose of their own are the article too.
        var twins = best >= 0 ? Twins(best) : null;
        bool Inside(int block)
        {
            if (best < 0)
            {
                return false;
            }

            foreach (var el in tree.Chain(block))
            {
                if (el == best || (twins is not null && twins.Contains(el)))
                {
                    return true;
                }
            }

            return false;
        }

        List<int>? Twins(int chosen)
        {
            var element = tree[chosen];
            if (element.ParentElement is not { } parent || string.IsNullOrWhiteSpace(element.ClassName))
            {
                return null;
            }

            bool? named = null;
            List<int>? found = null;
            foreach (var sibling in parent.Children)
            {
                if (sibling == element || sibling.LocalName != element.LocalName
                    || (sibling.ClassName != element.ClassName && !(PositiveCue(sibling) && (named ??= PositiveCue(element)))))
                {
                    continue;
                }

                var el = tree.IndexOf(sibling);
                if (el >= 0 && goods[el] >= TwinMinChars && CueOf(sibling, el) is null)
                {
                    (found ??= []).Add(el);
                }
            }

            return found;
        }

        // The article's text container: the deepest element inside the chosen one that still holds nearly all of its
        // content-like text, or a nearer one named as the article's body that holds half of it. What follows that
        // container inside the chosen element (appeals to donate or subscribe, the author's box, a comment form,
        // the firm's offers) is the page's, not the article's.
        var textEnd = int.MaxValue;
        if (best >= 0)
        {
            var anchor = -1;
            for (var i = 0; i < blocks.Count; i++)
            {
                if (verdicts[i].Quality == Quality.Good && verdicts[i].Reason is null && Inside(i) && (anchor < 0 || blocks[i].Text.Length > blocks[anchor].Text.Length))
                {
                    anchor = i;
                }
            }

            var container = best;
            if (anchor >= 0)
            {
                foreach (var el in tree.Chain(anchor))
                {
                    if (el == best)
                    {
                        break;
                    }

                    if (goods[el] >= TextContainerShare * goods[best])
                    {
                        container = el;
                        break;
                    }

                    if (goods[el] >= NamedContainerShare * goods[best] && PositiveCue(tree[el]))
                    {
                        container = el;
                        break;
                    }
                }
            }

            if (container != best && twins is null)
            {
                for (var i = blocks.Count - 1; i >= 0; i--)
                {
                    if (tree.Chain(i).Contains(container))
                    {
                        textEnd = i;
                        break;
                    }
                }
            }
        }

        // The article ends at its last content-like block, or at a marker that opens the page's own offers
        // ("Mehr zum Thema", "You might also like"): short lines after that are the page's, not the author's.
        // A heading that opens a list of other pages ("Read this next", "Recent posts") ends the article even
        // when long teasers follow it, once most of the article's text lies before it. One inside a box the cues
        // already remove (an aside of related stories) ends only that box.
        var lastGood = -1;
        var firstGood = -1;
        var endMarker = -1;
        var finalEnd = -1;
        double goodSoFar = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (!Inside(i))
            {
                continue;
            }

            if (finalEnd < 0 && lastGood >= 0 && blocks[i].Text.Length < 70 && goodSoFar >= StrongMinShare * bestGood
                && verdicts[i].Quality != Quality.Good && verdicts[i].Reason is null && OtherPagesHeading().IsMatch(blocks[i].Text) && LinksFollow(i))
            {
                finalEnd = i;
            }

            // The author's box closes the article: the prose under "About the author" is a biography, not the story.
            if (finalEnd < 0 && lastGood >= 0 && blocks[i].Text.Length < 40 && goodSoFar >= StrongMinShare * bestGood
                && verdicts[i].Quality != Quality.Good && AuthorBoxHeading().IsMatch(blocks[i].Text))
            {
                finalEnd = i;
            }

            if (verdicts[i].Quality == Quality.Good && verdicts[i].Reason is null)
            {
                goodSoFar += blocks[i].Text.Length * (1 - blocks[i].LinkDensity);
                // Content after the marker: it was a subheading, not the end.
                endMarker = -1;
                lastGood = i;
                if (firstGood < 0)
                {
                    firstGood = i;
                }
            }
            else if (endMarker < 0 && lastGood >= 0 && blocks[i].Text.Length < 80 && EndMarker().IsMatch(blocks[i].Text))
            {
                endMarker = i;
            }
        }

        // Teasers under such a heading link to their pages; an article's own section of that name does not.
        bool LinksFollow(int marker)
        {
            double chars = 0, links = 0;
            for (var j = marker + 1; j < blocks.Count && chars < 3000; j++)
            {
                if (Inside(j))
                {
                    chars += blocks[j].Text.Length;
                    links += blocks[j].LinkChars;
                }
            }

            return chars > 0 && links >= LinkShareAfter * chars;
        }

        // Any link in the few blocks after a heading: the teasers it heads link to their pages.
        bool LinkSoonAfter(int heading)
        {
            for (int j = heading + 1, seen = 0; j < blocks.Count && seen < LinkLookAhead; j++)
            {
                if (Inside(j))
                {
                    seen++;
                    if (blocks[j].LinkChars > 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        // The standfirst often sits in the article's header, outside the element that holds the body: plain
        // paragraphs of prose just before the body, past only short lines (captions, bylines, dates) or links to other
        // pages ("Lesen Sie auch" and a linked teaser), and up to the headline, are the article's lead.
        var leadFrom = int.MaxValue;
        var firstInside = -1;
        for (var i = 0; best >= 0 && i < blocks.Count && firstInside < 0; i++)
        {
            if (Inside(i))
            {
                firstInside = i;
            }
        }

        for (int j = firstInside - 1, leads = 0; j >= 0 && j >= firstInside - LeadLookBack && leads < MaxLeads; j--)
        {
            var b = blocks[j];
            if (b.Kind == BlockKind.Heading1)
            {
                break;
            }

            // A disclosure in the header ("We may earn a commission ...") is the site's, and the lead may stand above it.
            if (IsSiteNotice(b))
            {
                continue;
            }

            if (IsLead(j))
            {
                // An excerpt that the body then opens with is a teaser's copy, not a lead of its own.
                if (OpensBody(b.Text))
                {
                    break;
                }

                leadFrom = j;
                leads++;
            }
            else if (verdicts[j] is { Reason: null, Quality: not Quality.Bad } && b.Text.Length >= 80)
            {
                break;
            }
        }

        // A standfirst is prose, in a paragraph or (set as a subheadline) a long heading.
        bool IsLead(int i) => verdicts[i] is { Quality: Quality.Good, Reason: null } && blocks[i].LinkDensity < LeadMaxLinkShare
            && (blocks[i].Kind is BlockKind.Paragraph or BlockKind.Other || (blocks[i].Kind == BlockKind.Heading && blocks[i].Text.Length >= 100))
            && !IsSiteNotice(blocks[i]) && !IsHeaderNotice(blocks[i].Text);

        // A box set aside inside the article that holds plain prose ("Key takeaways", a definition) is the author's;
        // boxes of links to other pages are not.
        bool IsCallout(int el) => el >= 0 && el != best && goodTotals[el] >= CalloutMinChars && linkTotals[el] < 0.1 * totals[el];

        bool OpensBody(string text)
        {
            var start = text.AsSpan(0, Math.Min(text.Length, 50));
            for (int i = firstInside, seen = 0; i < blocks.Count && seen < 5; i++)
            {
                if (Inside(i))
                {
                    seen++;
                    if (blocks[i].Text.AsSpan().Contains(start, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        var result = new List<Block>(blocks.Count);
        var bodyBlocks = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            var inside = Inside(i);
            var (quality, cue) = verdicts[i];

            // A paragraph of prose in a box set aside that holds the author's text is prose, whatever the box's cue made it.
            var callout = inside && cue == "sidebar" && IsCallout(cuedBy[i]);
            if (callout && judged[i] == Quality.Good)
            {
                quality = Quality.Good;
            }

            Block block;
            if (!inside && i >= leadFrom && i < firstInside && IsSiteNotice(b) && cue is null)
            {
                block = new Block(b.Text, BlockRole.Boilerplate, "advertising or paywall notice");
            }
            else if (!inside && i >= leadFrom && i < firstInside && IsLead(i))
            {
                block = new Block(b.Text, BlockRole.Standfirst);
                bodyBlocks++;
            }
            else if (!inside)
            {
                block = b.Kind == BlockKind.Heading1 && best >= 0
                    ? new Block(b.Text, BlockRole.Title)
                    : new Block(b.Text, BlockRole.Boilerplate, cue ?? "outside the main content");
            }
            else if (cue is not null && !callout)
            {
                block = new Block(b.Text, BlockRole.Boilerplate, cue);
            }
            else if ((endMarker >= 0 && i >= endMarker) || (finalEnd >= 0 && i >= finalEnd) || (i > textEnd && b.Kind is not (BlockKind.TableCell or BlockKind.Preformatted)))
            {
                block = new Block(b.Text, BlockRole.Boilerplate, "after the article's end");
            }
            else if (i > lastGood && quality != Quality.Good && b.Kind is BlockKind.Heading or BlockKind.Other && b.Text.Length < 40 && EndsWithoutSentence(b.Text))
            {
                block = new Block(b.Text, BlockRole.Boilerplate, "after the article's end");
            }
            else if (b.Kind == BlockKind.Caption)
            {
                block = new Block(b.Text, BlockRole.Boilerplate, "caption");
            }
            else if (b.Kind == BlockKind.Heading1)
            {
                block = new Block(b.Text, BlockRole.Title);
            }
            else if (quality == Quality.Bad && !IsLinkedSentence(b) && !IsLinkedProse(b, cue) && !(b.Kind is BlockKind.Heading or BlockKind.ListItem && LinksAwayFromSite(b.Container, pageHost, inPage: b.Kind == BlockKind.Heading)))
            {
                block = new Block(b.Text, BlockRole.Boilerplate, "mostly links");
            }
            else if (b.Text.Length < 70 && OtherPagesHeading().IsMatch(b.Text) && LinkSoonAfter(i))
            {
                // The label of a list of other pages, kept because prose follows it (teasers with long summaries);
                // an article's own reading list of that name, without links, keeps its heading.
                block = new Block(b.Text, BlockRole.Boilerplate, "related articles");
            }
            else if (b.Text.Length < 200 && PromoLabel().IsMatch(b.Text))
            {
                block = new Block(b.Text, BlockRole.Boilerplate, "promotion");
            }
            else if (b.Text.Length < 100 && b.Kind is not (BlockKind.TableCell or BlockKind.ListItem) && CreditLine().IsMatch(b.Text))
            {
                block = new Block(b.Text, BlockRole.Boilerplate, "caption");
            }
            else if (b.Kind is BlockKind.Paragraph or BlockKind.Other && IsSiteNotice(b))
            {
                block = new Block(b.Text, BlockRole.Boilerplate, "advertising or paywall notice");
            }
            else if (b.Text.Length < CommentFormMaxChars && CommentForm().IsMatch(b.Text))
            {
                block = new Block(b.Text, BlockRole.Boilerplate, "comments");
            }
            else if (b.Text.Length < 60 && ContentsLabel().IsMatch(b.Text))
            {
                // The label of the page's table of contents, whose links are removed as links: the headings it lists follow.
                block = new Block(b.Text, BlockRole.Boilerplate, "table of contents");
            }
            else if (b.Text.Length < 60 && BoilerplatePhrase().IsMatch(b.Text))
            {
                block = new Block(b.Text, BlockRole.Boilerplate, "widget text");
            }
            else if (b.Kind is not (BlockKind.TableCell or BlockKind.ListItem) && IsStampLine(b.Text))
            {
                block = new Block(b.Text, BlockRole.Boilerplate, "byline or date");
            }
            else if (i < firstGood && IsHeadStamp(b))
            {
                block = new Block(b.Text, BlockRole.Boilerplate, "byline or date");
            }
            else
            {
                block = new Block(b.Text, b.Kind == BlockKind.Heading ? BlockRole.Heading : BlockRole.Body);
                bodyBlocks++;
            }

            result.Add(block);
        }

        bodyBlocks -= DropClosingAppeals(result);
        bodyBlocks -= DropHeadingsOverLinks(result);
        bodyBlocks -= DropClosingHeadings(result);
        bodyBlocks -= DropSiteLines(result);
        return new ContentChoice(result, best >= 0 ? tree[best] : null, bestGood, bodyBlocks);
    }

    /// <summary>Cards in a list of teasers that a group must hold before its cards are taken for teasers.</summary>
    private const int TeaserMinCards = 3;

    /// <summary>Longest summary (the card's text besides its headline and short lines) that a teaser card holds.</summary>
    private const int TeaserMaxSummaryChars = 700;

    /// <summary>Most blocks a teaser card holds: headline, summary, and a few short lines.</summary>
    private const int TeaserMaxBlocks = 6;

    /// <summary>
    /// Lists of teasers of the site's other pages set out as cards: each card holds one headline that links to a page
    /// of the same site, a short summary of plain prose and perhaps a date or a category, and at least
    /// <see cref="TeaserMinCards"/> such cards stand side by side under one parent. Their summaries read as prose, so
    /// without this an element holding the article and a rail of teasers outscores the article's own. A listicle's
    /// items name things elsewhere and link away from the site, and its sections run longer than a summary.
    /// Returns each block's card, or null when the page has no such list.
    /// </summary>
    private static IElement?[]? TeaserCards(IReadOnlyList<TextBlock> blocks, string pageHost)
    {
        List<int>? titles = null;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (IsTeaserHeadline(blocks[i], pageHost))
            {
                (titles ??= []).Add(i);
            }
        }

        if (titles is null || titles.Count < TeaserMinCards)
        {
            return null;
        }

        // Each headline's card: its highest ancestor that holds no other headline.
        var cards = new List<(IElement Card, int From, int To)>();
        for (var k = 0; k < titles.Count; k++)
        {
            var t = titles[k];
            var prev = k > 0 ? blocks[titles[k - 1]].Container : null;
            var next = k + 1 < titles.Count ? blocks[titles[k + 1]].Container : null;
            IElement? card = null;
            for (var e = blocks[t].Container; e.ParentElement is { } parent && parent.LocalName != "body"; e = parent)
            {
                if ((prev is not null && parent.Contains(prev)) || (next is not null && parent.Contains(next)))
                {
                    card = e;
                    break;
                }
            }

            if (card is null)
            {
                continue;
            }

            int from = t, to = t;
            while (from > 0 && card.Contains(blocks[from - 1].Container))
            {
                from--;
            }

            while (to + 1 < blocks.Count && card.Contains(blocks[to + 1].Container))
            {
                to++;
            }

            if (to - from >= TeaserMaxBlocks)
            {
                continue;
            }

            // The card's other lines are short (a date, a category, "Read more") but for one paragraph of summary.
            var summary = 0;
            var prose = 0;
            for (var j = from; j <= to; j++)
            {
                var b = blocks[j];
                if (j == t || b.Text.Length < 40)
                {
                    continue;
                }

                summary += b.Text.Length;
                prose += b.LinkDensity < 0.35 && b.Kind is BlockKind.Paragraph or BlockKind.Other ? 1 : 2;
            }

            if (prose == 1 && summary <= TeaserMaxSummaryChars && !InNamedText(card))
            {
                cards.Add((card, from, to));
            }
        }

        IElement?[]? result = null;
        foreach (var group in cards.GroupBy(c => c.Card.ParentElement))
        {
            if (group.Count() < TeaserMinCards)
            {
                continue;
            }

            result ??= new IElement?[blocks.Count];
            foreach (var (card, from, to) in group)
            {
                for (var j = from; j <= to; j++)
                {
                    result[j] = card;
                }
            }
        }

        return result;
    }

    /// <summary>
    /// True when an ancestor's class, id or itemprop names the article's text: a list there is the author's. A
    /// "main-content" names the page's main region, which holds the rails of teasers too.
    /// </summary>
    private static bool InNamedText(IElement card)
    {
        var steps = 0;
        for (var e = card.ParentElement; e is not null && steps++ < MaxClimb; e = e.ParentElement)
        {
            if (PositiveCue(e) && (e.GetAttribute("itemprop") is "articleBody"
                || PositiveWords().IsMatch(MainRegionName().Replace($"{e.GetAttribute("class")} {e.Id}".ToLowerInvariant(), " "))))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^#?\d{1,3}\s?[.):]", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedHeading();

    [GeneratedRegex(@"main-content", RegexOptions.CultureInvariant)]
    private static partial Regex MainRegionName();

    /// <summary>A heading that is all one link to another page of the same site: a teaser's headline.</summary>
    private static bool IsTeaserHeadline(TextBlock b, string pageHost)
    {
        // A numbered heading ("7. Chinese evergreen") is an item of the author's list.
        if (b.Text.Length is < 20 or > 200 || b.LinkChars < 0.8 * b.Text.Length || b.Kind != BlockKind.Heading || NegativeCue(b.Container) is not null
            || NumberedHeading().IsMatch(b.Text))
        {
            return false;
        }

        string? target = null;
        foreach (var link in Descendants(b.Container, LinkWithAddress))
        {
            var href = link.GetAttribute("href")!.Trim();
            if (href.Length == 0 || href.StartsWith('#') || (target is not null && href != target))
            {
                return false;
            }

            target = href;
        }

        // A link wrapping the headline's element ("<a><h3>...</h3></a>") is the card's own.
        if (target is null && b.Container.Closest("a[href]") is { } outer)
        {
            target = outer.GetAttribute("href")!.Trim();
        }

        if (target is null || target.StartsWith('#'))
        {
            return false;
        }

        // A path is this site's ("/2024/03/story" would parse as an absolute file URI on Unix).
        if ((target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal))
            || !Uri.TryCreate(target.StartsWith("//", StringComparison.Ordinal) ? "https:" + target : target, UriKind.Absolute, out var uri))
        {
            return true;
        }

        return uri.Scheme is "http" or "https" && (pageHost.Length == 0 || SameSite(uri.Host, pageHost));
    }

    /// <summary>
    /// The closing lines of an article's text, where sites put their own appeals (subscribe, follow us, download
    /// the app, donate) and reprint notices: a short body paragraph there that makes such an appeal is the site's, and
    /// one that introduces a person by trade ("Jane Doe is a freelance writer ...") is the author's biography.
    /// Only the last share of the body is searched, so an article that discusses subscriptions keeps its text.
    /// Returns how many body blocks it removed.
    /// </summary>
    private static int DropClosingAppeals(List<Block> result)
    {
        double bodyChars = 0;
        foreach (var b in result)
        {
            if (b.Role is BlockRole.Body or BlockRole.Heading)
            {
                bodyChars += b.Text.Length;
            }
        }

        var dropped = 0;
        double seen = 0;
        for (var i = result.Count - 1; i >= 0 && seen < ClosingShare * bodyChars; i--)
        {
            var b = result[i];
            if (b.Role is not (BlockRole.Body or BlockRole.Heading))
            {
                continue;
            }

            seen += b.Text.Length;
            if (b.Text.Length < ClosingAppealMaxChars && ClosingAppeal().IsMatch(b.Text))
            {
                result[i] = new Block(b.Text, BlockRole.Boilerplate, "site appeal");
                dropped++;
            }
            else if (b.Role == BlockRole.Body && b.Text.Length < AuthorBioMaxChars && AuthorBio().IsMatch(b.Text))
            {
                result[i] = new Block(b.Text, BlockRole.Boilerplate, "author box");
                dropped++;
            }
        }

        return dropped;
    }

    /// <summary>
    /// A heading whose section, up to the next heading or the end, holds only lines removed as links ("Weitere
    /// Tourentipps in Schweden" over a list of teasers, "Vous aimerez aussi") heads no text of the article. A section
    /// with any other removed line (a caption, an advertisement) is left alone. Returns how many it removed.
    /// </summary>
    private static int DropHeadingsOverLinks(List<Block> result)
    {
        var dropped = 0;
        for (var i = 0; i < result.Count; i++)
        {
            if (result[i].Role != BlockRole.Heading)
            {
                continue;
            }

            var links = 0;
            var j = i + 1;
            for (; j < result.Count && result[j].IsRemoved; j++)
            {
                if (result[j].Reason is not ("mostly links" or "related articles"))
                {
                    links = -1;
                    break;
                }

                links++;
            }

            if (links > 0 && (j == result.Count || result[j].Role is BlockRole.Heading or BlockRole.Title))
            {
                result[i] = new Block(result[i].Text, BlockRole.Boilerplate, "heading over links");
                dropped++;
            }
        }

        return dropped;
    }

    /// <summary>
    /// A heading that the article's text ends with heads nothing of it: the title of a box whose lines were all
    /// removed ("Die Karte zum Abspeichern:", "Teilnehmende Blogs:"), or a rail of teaser headlines. Returns how many
    /// it removed.
    /// </summary>
    private static int DropClosingHeadings(List<Block> result)
    {
        var dropped = 0;
        for (var i = result.Count - 1; i >= 0; i--)
        {
            var b = result[i];
            if (b.Role is not (BlockRole.Body or BlockRole.Heading or BlockRole.Standfirst))
            {
                continue;
            }

            // A long heading or one that ends in a full stop is a paragraph set large, text of its own.
            var text = b.Text.AsSpan().TrimEnd("\"”“»«)");
            if (b.Role != BlockRole.Heading || b.Text.Length >= ClosingHeadingMaxChars || (text.EndsWith('.') && !text.EndsWith("...")) || !HasTextBefore(i))
            {
                break;
            }

            result[i] = new Block(b.Text, BlockRole.Boilerplate, "heading over no text");
            dropped++;
        }

        return dropped;

        bool HasTextBefore(int end)
        {
            for (var j = end - 1; j >= 0; j--)
            {
                if (result[j].Role is BlockRole.Body or BlockRole.Heading or BlockRole.Standfirst)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private enum Quality
    {
        Neutral,
        Good,
        Bad,
    }

    private static Quality Judge(TextBlock b)
    {
        var len = b.Text.Length;
        var ld = b.LinkDensity;
        if (ld > 0.5 && !(len > 300 && ld < 0.7))
        {
            return Quality.Bad;
        }

        if (ld < 0.35)
        {
            if (len >= 80)
            {
                return Quality.Good;
            }

            if (len >= 30 && b.Kind is BlockKind.Paragraph or BlockKind.Quote && EndsSentence(b.Text))
            {
                return Quality.Good;
            }
        }

        return Quality.Neutral;
    }

    /// <summary>
    /// A paragraph in the article's header that is not its standfirst: the author's biography ("Jane Doe is a
    /// freelance writer ...") or the site's disclosure, which there runs longer than a short notice.
    /// </summary>
    private static bool IsHeaderNotice(string text) =>
        text.Length < AuthorBioMaxChars && (AuthorBio().IsMatch(text) || FirstNameBio().IsMatch(text)
            || (text.AsSpan().ContainsAny(SiteNoticeParts) && DisclosureOrPaywall().IsMatch(text)));

    /// <summary>A short block that gives the site's cookie, advertising or paywall notice (see <see cref="DisclosureOrPaywall"/>).</summary>
    private static bool IsSiteNotice(TextBlock b) =>
        b.Text.Length < ClosingAppealMaxChars && b.Text.AsSpan().ContainsAny(SiteNoticeParts) && DisclosureOrPaywall().IsMatch(b.Text);

    /// <summary>
    /// Every <see cref="DisclosureOrPaywall"/> match holds one of these, in any case: most blocks hold none, and skip
    /// the regex. They leave out k and s, which the regex also matches as the Kelvin sign and the long s.
    /// </summary>
    private static readonly SearchValues<string> SiteNoticeParts = SearchValues.Create(
        ["coo", "phäre", "pect your pr", "comm", "compen", "through l", "affiliate", "ociate", "adverti", "enthält", "werbung", "anzeige",
            "never m", "reader-", "percentage", "will auto", "to the full", "bitte reg", "letter", "ign up", "igning up", "to your inbox", "join ", "plea"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when every link in a heading or list item leads to another site (or, with <paramref name="inPage"/>, to a
    /// place on this page): a listicle's heading names the product, venue or tool its section is about and links to it,
    /// or to itself, and a list of sources links out; a teaser's headline or a list of the site's own pages links to
    /// other pages of the same site, and a table of contents to the headings the text already gives. Without the page's
    /// address only the links to this page count.
    /// </summary>
    private static bool LinksAwayFromSite(IElement element, string pageHost, bool inPage)
    {
        var any = false;
        foreach (var link in Descendants(element, LinkWithAddress))
        {
            var href = link.GetAttribute("href")!.Trim();
            if (inPage && href.StartsWith('#'))
            {
                any = true;
                continue;
            }

            if (pageHost.Length == 0 || !Uri.TryCreate(href.StartsWith("//", StringComparison.Ordinal) ? "https:" + href : href, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https") || SameSite(uri.Host, pageHost))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>The selectors queried on every page, parsed once (a query by string looks its selector up each time).</summary>
    private static readonly ISelector EmailInput = HtmlMetadata.Parsed("input[type=email]");

    private static readonly ISelector LinkWithAddress = HtmlMetadata.Parsed("a[href]");

    /// <summary>The element's descendants that match, in document order (what QuerySelectorAll gives).</summary>
    private static IEnumerable<IElement> Descendants(IElement element, ISelector selector)
    {
        var stack = new Stack<IElement>();
        PushChildren(stack, element);
        while (stack.Count > 0)
        {
            var el = stack.Pop();
            if (selector.Match(el))
            {
                yield return el;
            }

            PushChildren(stack, el);
        }
    }

    private static bool HasDescendant(IElement element, ISelector selector)
    {
        foreach (var _ in Descendants(element, selector))
        {
            return true;
        }

        return false;
    }

    private static void PushChildren(Stack<IElement> stack, IElement element)
    {
        var children = element.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            if (children[i] is IElement child)
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>The page's host without "www.", or empty when the address is unknown.</summary>
    private static string HostOf(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? WithoutWww(uri.Host) : "";

    private static string WithoutWww(string host) => host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;

    /// <summary>Two hosts of one site: the same, or one a subdomain of the other ("blog.example.com", "example.com").</summary>
    private static bool SameSite(string host, string pageHost)
    {
        host = WithoutWww(host);
        return host.Equals(pageHost, StringComparison.OrdinalIgnoreCase)
            || host.EndsWith("." + pageHost, StringComparison.OrdinalIgnoreCase)
            || pageHost.EndsWith("." + host, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A paragraph with a sentence's worth of words of its own besides its links (a reference with its address
    /// written out, thanks to a list of named people): menus, teaser titles and link lists have next to none.
    /// Only a block the cues left alone: one in a box they removed stays removed.
    /// </summary>
    private static bool IsLinkedProse(TextBlock b, string? cue) =>
        cue is null && b.Kind is BlockKind.Paragraph && b.Text.Length - b.LinkChars >= LinkedProseOwnChars && b.LinkDensity < 0.8;

    /// <summary>A statement ending in a full stop, with some words of its own besides its links.</summary>
    private static bool IsLinkedSentence(TextBlock b)
    {
        var t = b.Text.AsSpan().TrimEnd("\"”’'");
        return b.Text.Length >= LinkedSentenceMinChars && b.Text.Length - b.LinkChars >= LinkedSentenceOwnChars && t.Length > 0 && t[^1] == '.' && !t.EndsWith("...");
    }

    /// <summary>
    /// A short line that is a date or time stamp with at most a few words around it ("Updated: 11.04.2020, 10:27",
    /// "asked Feb 6, 2014 at 20:37", "4 min read"): the page's stamp, not the article's words.
    /// </summary>
    internal static bool IsStampLine(string text)
    {
        // Both patterns below need a digit (\d: any decimal digit, as char.IsDigit takes it): most short lines have none.
        if (text.Length > StampMaxChars || !HasDigit(text))
        {
            return false;
        }

        if (ReadingTime().IsMatch(text))
        {
            return true;
        }

        var rest = DateOrTime().Replace(text, " ");
        if (rest.Length == text.Length)
        {
            return false;
        }

        // Only the words stamps are made of may stand beside the date: "Termin: 29.02.2020" is the article's.
        foreach (var part in rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = part.Trim(StampPunctuation);
            if (word.Any(char.IsLetter) && !StampWords.Contains(word))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Longest line that <see cref="IsHeadStamp"/> takes.</summary>
    private const int HeadStampMaxChars = 80;

    /// <summary>
    /// A short line above the article's first paragraph that carries a date or a reading time among other words, and
    /// is no sentence: the byline row ("Bridgestone Team | 5 min read", "On Behalf of Doe LLP | Apr 21, 2017 | News")
    /// or a stamp in the meta list, which <see cref="IsStampLine"/> leaves to lists and tables further down.
    /// </summary>
    private static bool IsHeadStamp(TextBlock b)
    {
        var text = b.Text;
        if (text.Length >= HeadStampMaxChars || b.Kind == BlockKind.TableCell || !HasDigit(text) || text[^1] is '.' or ':' or '?' or '!')
        {
            return false;
        }

        // A heading with a date is a section's title ("Weekly report 14 - 20 January") unless it is a row of parts.
        if (b.Kind == BlockKind.Heading && text.AsSpan().IndexOfAny('|', '•') < 0 && !MinutesRead().IsMatch(text))
        {
            return false;
        }

        // A labelled date is a stamp only under a stamp's label ("Updated: ...", "Publicado: ..."); "Deadline: 15 March"
        // and "Open today: 9:00 - 18:00" are facts of the text.
        for (var c = text.IndexOf(':', StringComparison.Ordinal); c > 0; c = text.IndexOf(':', c + 1))
        {
            if (c + 1 < text.Length && char.IsDigit(text[c - 1]) && char.IsDigit(text[c + 1]))
            {
                continue;
            }

            var label = text.AsSpan(0, c).TrimEnd();
            var start = label.LastIndexOfAny(' ', '|', '•') + 1;
            if (!StampWords.Contains(label[start..].ToString()))
            {
                return false;
            }
        }

        return DateOrTime().IsMatch(text) || MinutesRead().IsMatch(text);
    }

    [GeneratedRegex(@"\b\d{1,3}\s*min(?:ute)?s?\.?\s+read\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MinutesRead();

    private static bool HasDigit(string text)
    {
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly char[] StampPunctuation = [':', ',', '.', '|', '-', '–', '(', ')', '/', '·', '•'];

    /// <summary>Words a date or time stamp is written with, in the languages of the pages the project reads.</summary>
    private static readonly FrozenSet<string> StampWords = FrozenSet.ToFrozenSet(
        ["updated", "update", "published", "posted", "asked", "answered", "modified", "edited", "last", "on", "at", "created",
         "am", "pm", "uhr", "um", "aktualisiert", "veröffentlicht", "erstellt", "geändert", "stand", "vom", "le", "à", "publié",
         "mis", "jour", "el", "de", "publicado", "actualizado", "a", "las", "pubblicato", "aggiornato", "il", "alle", "gmt", "utc",
         "cet", "cest", "est", "edt", "pst", "pdt", "bst", "date", "datum", "fecha", "data", "time", "zeit",
         "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
         "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
         "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
         "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
        StringComparer.OrdinalIgnoreCase);

    private static bool EndsWithoutSentence(string text) => !EndsSentence(text) && !text.EndsWith('?');

    /// <summary>True when the text ends as a sentence does, closing quote marks of every language's style included („…“, »…«).</summary>
    private static bool EndsSentence(string text)
    {
        var c = text[^1];
        return c is '.' or '!' or '?' or '"' or '”' or '“' or '»' or '«' or ':' or '。' or ')' or '…';
    }

    /// <summary>
    /// The elements on the blocks' ancestor chains (each from the block's container up to the root, at most
    /// <see cref="MaxClimb"/> long), numbered in the order the blocks first reach them. A chain is walked through
    /// the numbered parents rather than stored: chains share their upper parts, and stored one by one they took more
    /// memory than the rest of the scoring.
    /// </summary>
    private sealed class ChainIndex
    {
        private const int Unknown = -2;
        private readonly Dictionary<IElement, int> _numbers = new(ReferenceEqualityComparer.Instance);
        private readonly List<IElement> _elements = [];
        private readonly List<int> _parents = [];

        /// <summary>The length of the element's chain when it is a block's container; 0 until then.</summary>
        private readonly List<int> _chainLengths = [];
        private readonly (int Container, int Length)[] _blockChains;

        public ChainIndex(IReadOnlyList<TextBlock> blocks, IElement root)
        {
            _blockChains = new (int, int)[blocks.Count];
            for (var i = 0; i < blocks.Count; i++)
            {
                var container = Number(blocks[i].Container);
                if (_chainLengths[container] == 0)
                {
                    var length = 0;
                    for (var el = container; ;)
                    {
                        length++;
                        if (length >= MaxClimb || _elements[el] == root)
                        {
                            break;
                        }

                        if (_parents[el] == Unknown)
                        {
                            _parents[el] = _elements[el].ParentElement is { } parent ? Number(parent) : -1;
                        }

                        el = _parents[el];
                        if (el < 0)
                        {
                            break;
                        }
                    }

                    _chainLengths[container] = length;
                }

                _blockChains[i] = (container, _chainLengths[container]);
            }
        }

        public int Count => _elements.Count;

        public IElement this[int number] => _elements[number];

        /// <summary>The block's container and its ancestors, nearest first.</summary>
        public Chain Chain(int block) => new(CollectionsMarshal.AsSpan(_parents), _blockChains[block].Container, _blockChains[block].Length);

        /// <summary>The element's number, or -1 when it is on no block's chain.</summary>
        public int IndexOf(IElement element) => _numbers.TryGetValue(element, out var number) ? number : -1;

        private int Number(IElement element)
        {
            // One hash lookup, whether the element is new or not.
            ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(_numbers, element, out var known);
            if (!known)
            {
                number = _elements.Count;
                _elements.Add(element);
                _parents.Add(Unknown);
                _chainLengths.Add(0);
            }

            return number;
        }
    }

    /// <summary>One block's chain: its container's number and the numbers of its ancestors, nearest first.</summary>
    private readonly ref struct Chain(ReadOnlySpan<int> parents, int first, int length)
    {
        private readonly ReadOnlySpan<int> _parents = parents;

        public bool Contains(int number)
        {
            foreach (var el in this)
            {
                if (el == number)
                {
                    return true;
                }
            }

            return false;
        }

        public Enumerator GetEnumerator() => new(_parents, first, length);

        public ref struct Enumerator(ReadOnlySpan<int> parents, int first, int length)
        {
            private readonly ReadOnlySpan<int> _parents = parents;
            private int _left = length;
            private int _current = -1;

            public readonly int Current => _current;

            public bool MoveNext()
            {
                if (_left == 0)
                {
                    return false;
                }

                _current = _current < 0 ? first : _parents[_current];
                _left--;
                return true;
            }
        }
    }

    /// <summary>The boilerplate kind an element's tag, class, id or role announces, or null.</summary>
    internal static string? NegativeCue(IElement el)
    {
        switch (el.LocalName)
        {
            case "nav":
                return "navigation";
            case "footer":
                return "footer";
            case "aside":
                return "sidebar";
            case "figcaption":
                return "caption";
            case "form" when HasDescendant(el, EmailInput):
                return "subscription box";
            case "body" or "html" or "main" or "article":
                return null;
        }

        var role = el.GetAttribute("role");
        if (role is "navigation" or "menu" or "menubar" or "banner" or "contentinfo" or "complementary" or "dialog" or "alert")
        {
            return role is "contentinfo" ? "footer" : role is "complementary" ? "sidebar" : role is "banner" ? "page header" : role is "dialog" or "alert" ? "pop-up" : "navigation";
        }

        var cls = el.GetAttribute("class");

        // A heading's id is an anchor made of its own words ("what-is-social-shopping"), not a name for its role.
        var id = el.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" ? null : el.Id;
        if (string.IsNullOrEmpty(cls) && string.IsNullOrEmpty(id))
        {
            return null;
        }

        // Elements are scored by the thousand per page: the cue words are read from a stack buffer, not strings.
        var need = (cls?.Length ?? 0) + (id?.Length ?? 0) + 1;
        char[]? rented = null;
        var buffer = need <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(need));
        try
        {
            var attrs = buffer[..CueTokens(cls, id, buffer)];
            if (attrs.IsEmpty)
            {
                return null;
            }

            // Blocks that are the article's own text sometimes carry a cue word too ("article-body has-share-bar").
            return CueWordKind(attrs) is { } kind && !PositiveCue(el) ? kind : null;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// True when the "header" part at <paramref name="start"/> follows another part that names what it heads
    /// ("table-header", "card-header", "recipe__header"): the header of a table, card or module in the text, not the
    /// site's, unless that part names the page itself ("site-header", "page-header", "top-header").
    /// </summary>
    private static bool IsObjectsHeader(ReadOnlySpan<char> attrs, int start)
    {
        if (start < 2 || attrs[start - 1] is not ('-' or '_'))
        {
            return false;
        }

        var from = start - 1;
        while (from > 0 && attrs[from - 1] is '-' or '_')
        {
            from--;
        }

        var prevEnd = from;
        var prevStart = prevEnd;
        while (prevStart > 0 && !IsSeparator(attrs[prevStart - 1]))
        {
            prevStart--;
        }

        var prev = attrs[prevStart..prevEnd];
        return prev is not ("site" or "page" or "global" or "main" or "top" or "mobile" or "desktop" or "sticky" or "fixed" or "nav" or "navbar");
    }

    private static bool IsSeparator(char c) => c is '_' or '-' || char.IsWhiteSpace(c);

    /// <summary>
    /// The boilerplate kind of the first cue word in lower-cased class and id text: a word counts when it is a
    /// whole part between separators (space, '_' or '-'), or, for the hyphenated words, starts a part and ends one.
    /// </summary>
    internal static string? CueWordKind(ReadOnlySpan<char> attrs)
    {
        for (var start = 0; start < attrs.Length; start++)
        {
            if (start > 0 && !IsSeparator(attrs[start - 1]))
            {
                continue;
            }

            var end = start;
            while (end < attrs.Length && !IsSeparator(attrs[end]))
            {
                end++;
            }

            var part = attrs[start..end];
            // "print" and "email" name a pop-up, but "print-edition" or "email_address" do not.
            if (!part.IsEmpty && CueWordKinds.TryGetValue(part, out var kind)
                && !(part is "print" or "email" && end < attrs.Length && attrs[end] is '_' or '-')
                && !(part is "header" && IsObjectsHeader(attrs, start)))
            {
                return kind;
            }

            // Most parts start with a letter none of the two-part words starts with.
            if (!HyphenatedCueFirstLetters.Contains(attrs[start]))
            {
                continue;
            }

            foreach (var word in HyphenatedCueWords)
            {
                var after = start + word.Length;
                if (attrs[start..].StartsWith(word, StringComparison.Ordinal) && (after == attrs.Length || IsSeparator(attrs[after])))
                {
                    return CueKind(word);
                }
            }
        }

        return null;
    }

    /// <summary>Cue words of one part, with their kind.</summary>
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CueWordKinds =
        new[]
        {
            "comment", "comments", "disqus", "respond", "replies", "share", "shares", "sharing", "sharebar", "social", "sociable",
            "addthis", "follow", "related", "recommend", "recommended", "morestories", "readmore", "popular", "trending", "mostread",
            "outbrain", "taboola", "teaser", "recirculation", "recirc", "newsletter", "subscribe", "subscription", "signup", "paywall",
            "donate", "membership", "cookie", "cookies", "consent", "gdpr", "ad", "ads", "advert", "advertisement", "sponsor",
            "sponsored", "promo", "dfp", "banner", "commercial", "anzeige", "nav", "navbar", "navigation", "menu", "breadcrumb",
            "breadcrumbs", "pagination", "pager", "skiplink", "toolbar", "masthead", "footer", "header", "sidebar", "rail", "caption",
            "credit", "credits", "copyright", "byline", "author", "meta", "date", "timestamp", "dateline", "bio", "tags", "tag",
            "tagcloud", "categories", "keywords", "print", "email", "popup", "modal", "overlay", "cta", "ctas", "disclaimer", "saboxplugin",
        }.ToFrozenDictionary(w => w, w => CueKind(w), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Cue words of two parts. None starts with a one-part cue word except "author-bio", which "author" takes
    /// first, so the one-part words are tried first at each part.
    /// </summary>
    private static readonly string[] HyphenatedCueWords =
        ["more-stories", "read-more", "most-read", "also-read", "more-from", "sign-up", "skip-link", "skip-to", "about-author"];

    private static readonly SearchValues<char> HyphenatedCueFirstLetters = SearchValues.Create([.. HyphenatedCueWords.Select(w => w[0]).Distinct()]);

    private static string CueKind(ReadOnlySpan<char> w)
    {
        if (w.StartsWith("comment", StringComparison.Ordinal) || w is "disqus" or "respond" or "replies")
        {
            return "comments";
        }

        if (w.Contains("share", StringComparison.Ordinal) || w.Contains("social", StringComparison.Ordinal) || w is "sociable" or "addthis" or "follow" or "sharing")
        {
            return "share widget";
        }

        return w switch
        {
            "related" or "recommend" or "recommended" or "more-stories" or "morestories" or "readmore" or "read-more" or "popular" or "trending" or "most-read" or "mostread" or "outbrain" or "taboola" or "teaser" or "recirculation" or "recirc" or "also-read" or "more-from" => "related articles",
            "newsletter" or "subscribe" or "subscription" or "signup" or "sign-up" or "paywall" or "donate" or "membership" => "subscription box",
            "cookie" or "cookies" or "consent" or "gdpr" => "cookie notice",
            "ad" or "ads" or "advert" or "advertisement" or "sponsor" or "sponsored" or "promo" or "dfp" or "banner" or "commercial" or "anzeige" => "advertisement",
            "nav" or "navbar" or "navigation" or "menu" or "breadcrumb" or "breadcrumbs" or "pagination" or "pager" or "skip-link" or "skiplink" or "skip-to" or "toolbar" or "masthead" => "navigation",
            "footer" => "footer",
            "header" => "page header",
            "sidebar" or "rail" => "sidebar",
            "caption" or "credit" or "credits" or "copyright" => "caption",
            "byline" or "author" or "meta" or "date" or "timestamp" or "dateline" => "byline or date",
            "bio" or "about-author" or "saboxplugin" => "author box",
            "tags" or "tag" or "tagcloud" or "categories" or "keywords" => "tags",
            "print" or "email" or "popup" or "modal" or "overlay" => "pop-up",
            "cta" or "ctas" => "call to action",
            "disclaimer" => "disclaimer",
            _ => "page chrome",
        };
    }

    /// <summary>
    /// Writes the element's class tokens and id, lower-cased and space-separated, into <paramref name="into"/>
    /// (at least as long as both plus one) and returns the length, leaving out the state and taxonomy classes CMSs
    /// put on the article itself ("tag-politics", "category-news", "has-sidebar", "comments-open", "sidebar-enabled--false").
    /// </summary>
    private static int CueTokens(string? cls, string? id, Span<char> into)
    {
        var n = 0;
        var rest = cls.AsSpan();
        while (true)
        {
            var start = 0;
            while (start < rest.Length && char.IsWhiteSpace(rest[start]))
            {
                start++;
            }

            if (start == rest.Length)
            {
                break;
            }

            var end = start;
            while (end < rest.Length && !char.IsWhiteSpace(rest[end]))
            {
                end++;
            }

            var sep = n > 0 ? 1 : 0;
            var t = into.Slice(n + sep, end - start);
            rest[start..end].ToLowerInvariant(t);
            rest = rest[end..];

            // A BEM modifier ("section--has-ads", "main--no-sidebar") says what the block holds or how it
            // looks, not what it is.
            var modifier = t.IndexOf("--", StringComparison.Ordinal);
            if (modifier > 0)
            {
                t = t[..modifier];
            }

            if (!IgnoredClassPrefix().IsMatch(t))
            {
                if (sep == 1)
                {
                    into[n] = ' ';
                }

                n += sep + t.Length;
            }
        }

        if (!string.IsNullOrEmpty(id))
        {
            if (n > 0)
            {
                into[n++] = ' ';
            }

            n += id.AsSpan().ToLowerInvariant(into[n..]);
        }

        return n;
    }

    [GeneratedRegex(@"^(?:(?:tag|tags|category|categories|has|is|no|with|template|layout|theme)[-_]|comments-(?:open|closed)$|[a-z]+-(?:enabled|disabled)$)", RegexOptions.CultureInvariant)]
    private static partial Regex IgnoredClassPrefix();

    /// <summary>An element that marks the page's main article: article, main, role=main, or the hAtom class of a blog entry.</summary>
    private static bool IsArticleLandmark(IElement e) =>
        e.LocalName is "article" or "main" || e.GetAttribute("role") == "main" || HasClass(e.ClassName, "hentry");

    /// <summary>True when the class attribute holds the token, without building the element's token list.</summary>
    private static bool HasClass(string? cls, string token)
    {
        if (cls is null)
        {
            return false;
        }

        for (var i = cls.IndexOf(token, StringComparison.Ordinal); i >= 0; i = cls.IndexOf(token, i + 1, StringComparison.Ordinal))
        {
            var end = i + token.Length;
            if ((i == 0 || char.IsWhiteSpace(cls[i - 1])) && (end == cls.Length || char.IsWhiteSpace(cls[end])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the element's class, id or itemprop names the article's own text.</summary>
    internal static bool PositiveCue(IElement el)
    {
        if (el.GetAttribute("itemprop") is "articleBody")
        {
            return true;
        }

        var cls = el.GetAttribute("class").AsSpan();
        var id = el.Id.AsSpan();
        if (cls.IsEmpty && id.IsEmpty)
        {
            return false;
        }

        var need = cls.Length + 1 + id.Length;
        char[]? rented = null;
        var attrs = need <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(need));
        cls.ToLowerInvariant(attrs);
        attrs[cls.Length] = ' ';
        id.ToLowerInvariant(attrs[(cls.Length + 1)..]);
        var positive = attrs[..need].ContainsAny(PositiveWordParts) && PositiveWords().IsMatch(attrs[..need]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return positive;
    }

    /// <summary>Every <see cref="PositiveWords"/> match holds one of these: most class lists hold none, and skip the regex.</summary>
    private static readonly SearchValues<string> PositiveWordParts =
        SearchValues.Create(["article", "content", "post", "story", "body", "text", "prose", "artikel"], StringComparison.Ordinal);

    [GeneratedRegex(@"article-?body|article__body|article-?content|article__content|article-?text|articletext|article_body|entry-content|post-?content|post-?body|post__content|story-?body|story-?content|story-?text|storytext|main-content|body-?text|text-body|content-body|rich-?text|(?:^|\s)prose(?:\s|$)|single-content|blog-content|news-?text|artikel|c-article", RegexOptions.CultureInvariant)]
    private static partial Regex PositiveWords();

    /// <summary>A heading over links to the site's other pages, not a section of the article.</summary>
    [GeneratedRegex(@"^(?:(?:related|recent|latest|popular|trending|recommended|similar|more|other|top|featured|new|further|next)\b(?:[\w\s'’-]{0,40}?)\b(?:articles?|posts?|stories|news|reads?|content|reading|guides|blogs?|videos|insights|resources)(?:\s+(?:for you|you might (?:also )?(?:like|enjoy)|you may (?:also )?(?:like|enjoy)|that may interest you|on this topic|from [\w\s]{1,30}))?|read (?:this )?next|up next|you (?:might|may) also (?:like|enjoy)|also in the news|most (?:read|popular|viewed)|mehr zum thema|mehr zu [\w\s-]{1,30}|das könnte sie auch interessieren|auch interessant|schon gelesen|lesen sie auch|neueste (?:artikel|beiträge|nachrichten)|alle artikel[\w\s]{0,40}|weitere (?:artikel|beiträge|nachrichten|themen)[\w\s]{0,30}|à lire aussi|lire aussi|sur le même sujet|veja também|leia também|contenido relacionado|noticias relacionadas|te puede interesar|leggi anche|articoli correlati)\s*[:.!?]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherPagesHeading();

    [GeneratedRegex(@"^(?:mehr zum thema|mehr zu(?:m|r)? \w+|weitere (?:artikel|informationen|infos|beiträge|nachrichten|themen)\b.*|das könnte sie auch interessieren|auch interessant|lesen sie auch|lesetipps?|schlagwörter|schlagworte|themen|über den autor|zum autor|diesen artikel teilen|artikel teilen|you (?:might|may) also like|related(?: articles| stories| posts| content| reading)?|more (?:from|on|stories|articles|news)\b.*|read more\b.*|keep reading|recommended(?: for you)?|about the author|share this(?: article| story| post)?|tags?|topics|further reading|see also|sources?|quellen?|à lire aussi|lire aussi|sur le même sujet|noticias relacionadas|te puede interesar|leggi anche|czytaj (?:też|także)|zobacz (?:też|także))\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndMarker();

    /// <summary>A line that opens with a label pointing away from the article ("Listen again: ...", "READ MORE: ...").</summary>
    [GeneratedRegex(@"^(?:listen (?:again|live|now)|watch (?:again|live|now|the video)|read (?:more|also|next)|also read|see also|related(?: story| article)?|more on this|recommended|sponsored|lesen sie (?:auch|mehr)|mehr dazu|lire aussi|à lire aussi|leer más|lee también)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PromoLabel();

    /// <summary>A numeric date, an ISO date, a clock time, or a day, month name and year in either order.</summary>
    [GeneratedRegex(@"(?<![\d+])(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})\b|\b\d{1,2}[:h]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s?uhr)?|\b\d{1,2}\.?\s+(?:de\s+)?(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|okt|nov|dec|dez|january|february|march|april|may|june|july|august|september|october|november|december|januar|jänner|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia)\.?,?\s+(?:de\s+)?\d{4}\b|\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|okt|nov|dec|dez|january|february|march|april|may|june|july|august|september|october|november|december|januar|jänner|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateOrTime();

    [GeneratedRegex(@"^(?:(?:reading time|lesezeit|lesedauer|temps de lecture|tiempo de lectura)\s*:?\s*)?(?:ca\.\s*)?\d{1,2}\s*(?:min|mins|minutes?|minuten|minutos)\.?(?:\s+(?:read|reading|lesezeit|lesedauer|de lecture|de lectura))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadingTime();

    [GeneratedRegex(@"^(?:about the (?:author|writer)|über (?:den|die) autor(?:in)?|zum autor|zur autorin|à propos de l'auteur|sobre (?:el|la) autor(?:a)?|o autorze)\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorBoxHeading();

    /// <summary>
    /// A picture's credit set as a line of its own: a credit label, or a name over a photo agency ("Getty Images /
    /// Jane Doe", "DGLimages via Getty Images", "Courtesy of brand", "Image provided by ..."). A source line
    /// ("Source: CDC", "Quelle: dpa-AFX") credits a chart, a table or a press release the same way.
    /// </summary>
    [GeneratedRegex(@"^(?:(?:titelbild|beitragsbild|aufmacherbild|bildquelle|bildnachweis|fotos?|bild(?:er)?|photos?|photo credits?|image credits?|credits? photos?|crédits? photos?|credits?|abbildung|quelle: foto|quellen?|sources?|fuentes?|fontes?)\s*[:©]|[©]|.{0,40}/\s*(?:getty images|afp|dpa|reuters|ap|imago|picture alliance|wenn\.com|shutterstock|istock(?:photo)?)\s*$|(?:getty images|shutterstock|istock(?:photo)?|adobe stock)\s*/|.{0,40}\bvia (?:getty images|shutterstock|istock(?:photo)?|unsplash|pexels)\s*$|(?:images?|photos?|pictures?) provided by\b|courtesy(?: of)?\s*:?\s*[^.!?]{2,40}$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditLine();

    /// <summary>
    /// A site's notice about its own business, wherever it stands in the text: a cookie notice, an advertising or
    /// affiliate disclosure, a paywall's or a registration form's prompt. <see cref="SiteNoticeParts"/> screens blocks
    /// for it: a new alternative needs a part of its own words there, or no block reaches it.
    /// </summary>
    [GeneratedRegex(@"(?:we use|this (?:site|website) uses|verwende[nt]|nutzen|utilisons|utilise|utilizamos|usamos|korzystamy z|używamy|wykorzystuje) (?:\w+ )?(?:cookies|plików cookies?)|(?:wir )?respektieren (?:deine|ihre) privatsphäre|we respect your privacy|we (?:may )?(?:receive|earn) (?:a )?(?:compensation|commission)|we may be compensated|(?:we|i|us|it) (?:may |might |could |will |also )?(?:receive|earn|get|make)s? (?:a |an )?(?:small )?(?:affiliate )?(?:compensation|commissions?)|earns? (?:us|me) (?:a )?(?:small )?(?:affiliate )?commission|\w\.(?:com|org|net) (?:earns|receives) (?:a )?(?:small )?commissions?|supported by commissions|reader-supported|receives? a small (?:percentage|commission)|(?:sind|als) (?:sogenannte )?[»""„]?affiliate-links|buying through links on our site|(?:contains?|uses|includes|we use|i use|via|through|enthält|es sich um) (?:some )?affiliate[ -]links|affiliate links are used|as an (?:amazon )?(?:affiliate|associate)|advertis(?:er|ing) disclosure|(?:beitrag|artikel|post) enthält (?:werbung|affiliate)|^\*?(?:werbung|anzeige)\s*[.:]|never miss the latest news|subscription will auto[- ]?renew|instant access to the full (?:article|text)|bitte registrieren sie sich|sign(?:ing)? up (?:to|for) our newsletter|\bsign up (?:now|here|today)\b|by signing up,? you agree|delivered (?:straight |right |directly )?to your inbox|\bjoin (?:our|the) (?:mailing list|newsletter)\b|please subscribe to", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DisclosureOrPaywall();

    /// <summary>The labels and notices of a comment form that the cues did not catch.</summary>
    [GeneratedRegex(@"will not be published|required fields are marked|wird (?:benötigt und )?nicht veröffentlicht|pflichtfelder sind mit|ne sera pas publiée|no será publicada|(?:sie sind|du bist) (?:aktuell |derzeit )?nicht eingeloggt|leave a (?:reply|comment)|schreibe(?:n sie)? einen kommentar|hinterlasse einen kommentar|laisser un commentaire|deja un comentario", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommentForm();

    /// <summary>
    /// The opening of a biography: a capitalised name of two to four words introduced by its trade ("Jane Doe is a
    /// freelance writer ...", "John Roe has been the CTO of ..."). The name's capitals are matched case-sensitively.
    /// </summary>
    [GeneratedRegex(@"^(?-i:(?!(?:The|This|Our|A|An) )(?:\p{Lu}[\w.'’-]+\s){1,3}\p{Lu}[\w'’-]+),?\s(?:is|has been|was)\s(?:a|an|the)\s[^.]{0,80}?\b(?:writer|editor|journalist|author|contributor|reporter|columnist|founder|co-founder|ceo|cto|professor|director|consultant|specialist|owner|freelancer|expert|researcher|blogger|producer|correspondent|strategist)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorBio();

    /// <summary>
    /// A biography that names its author by the first name alone ("Anurag is an experienced journalist ..."): in the
    /// article's header, beside the byline, that is the author's box, not the standfirst. In the text a single
    /// capitalised word before "is a" is as often a product or a firm, so <see cref="DropClosingAppeals"/> does not use it.
    /// </summary>
    [GeneratedRegex(@"^(?-i:(?!(?:The|This|That|Our|It|He|She|They|We|You|There|Here|Each|Every|One)\s)\p{Lu}[\w'’-]+),?\s(?:is|has been)\s(?:a|an)\s[^.]{0,80}?\b(?:writer|editor|journalist|author|contributor|reporter|columnist|freelancer|blogger|correspondent)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FirstNameBio();

    /// <summary>A site's appeal to its readers or its reprint notice, in the languages the cue words cover.</summary>
    [GeneratedRegex(@"\b(?:subscribe (?:now|today|to)|sign up (?:for|to)|our newsletter|follow (?:us|the \w+ on)|download (?:the|our) \w*\s?apps?|copyrighted property|all rights reserved|permission must be obtained|if you (?:enjoyed|liked) (?:reading )?this|we want to hear what you think|support (?:our|independent) journalism|please consider (?:pitching in|donating|making a donation|supporting us|becoming a (?:patron|member|supporter))|become a patron|newsletter abonnieren|folgen sie uns|alle rechte vorbehalten|unterstützen sie (?:uns|unsere)|abonnez-vous|tous droits réservés|suscríbete|síguenos|hazte miembro|únete|was (?:this|the) article helpful|did you (?:like|enjoy) this|war (?:der|dieser) artikel (?:hilfreich|nützlich)|hat (?:dir|ihnen) (?:der|dieser) artikel gefallen|gefällt (?:dir|ihnen) unser|möchten sie (?:den|diesen) artikel teilen|jetzt teilen|stay up[ -]to[ -]date|you must (?:be )?log(?:ged)? in to|sie müssen sich (?:einloggen|anmelden)|kommentare (?:sind )?geschlossen|comments are closed|(?:unseren?|our|nuestro) (?:youtube|telegram|whatsapp)[ -]?(?:kanal|channel|canal)|canal de (?:youtube|telegram|whatsapp))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClosingAppeal();

    /// <summary>A table of contents' label, with the toggle some pages print beside it ("Contents [hide]", "Table of Contents ▼").</summary>
    [GeneratedRegex(@"^(?:table of contents|contents|in this (?:article|post)|on this page|jump to(?: a)? section|quick links|inhaltsverzeichnis|inhalt|sommaire|índice)\s*:?\s*(?:hide|show|\[hide\]\s*\[show\]|\[show\]|\[hide\]|[▼▾▲▴+-])?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContentsLabel();

    [GeneratedRegex(@"^(advertisement:?|anzeige:?|werbung|publicité|publicidad|share( this)?( article| story| on \w+)?|teilen|read more|((zum|jetzt) )?weiterlesen:?|lesen sie (auch|mehr)|related( articles| stories| coverage)?|(veja|leia) também:?|tags?:?|follow us|sign up|subscribe|click here|print|e-?mail|comments?|\d+ comments?|skip to (main )?content|back to top|continue reading|loading\.*|wird geladen\.*|(?:show|hide) caption|play video|externer inhalt|(rezept|recipe) drucken|print recipe|bild anzeigen|.{0,40} als pdf herunterladen|quellen? (anzeigen|ausblenden)|empfehlungen aus der redaktion|lust auf mehr\?|photo:.*|foto:.*|image:.*|bild:.*|getty images|reuters|ap photo.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoilerplatePhrase();
}
