using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using Storyline.Model;
using Storyline.Text;

namespace Storyline.Extract.Text;

/// <summary>
/// Cleans a plain-text page as a crawler saved it (one block a line, chrome included) into an article.
/// Every line becomes a <see cref="Block"/>: the article's own lines keep their role (title, standfirst, byline,
/// dateline, page date, heading, body), the rest are marked boilerplate with the reason a user sees.
/// The decision uses what each line looks like (length, punctuation, function words, list markers, title case,
/// chrome vocabulary), where it stands relative to the densest run of prose, and how often it recurs on the
/// pages of its site. Immutable and thread-safe.
/// </summary>
public sealed class TextPageCleaner : IPageExtractor
{
    // Weights of the region search. A line of prose counts its words; chrome that closes an article
    // (related links, comments, newsletter and donation boxes) weighs like a long paragraph, so the region
    // does not run on into the teasers after it.
    private const double StopperWeight = -60;
    private const double ChromeWeight = -12;

    // Up to this many short lines in a row read as headings or a short list; more read as a menu.
    private const int RunOfHeadings = 2;

    private const int NearProseLines = 6;

    // The first pass's line keys, one list a thread, reused page after page.
    [ThreadStatic]
    private static List<ulong>? _threadKeys;

    public void Observe(DecodedPage page, LineStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(statistics);
        if (SiteKeyFromHints(page) is { } site)
        {
            var keys = _threadKeys ??= new List<ulong>(1024);
            keys.Clear();
            PageLines.Keys(page.Content, keys);
            statistics.AddPageKeys(site, CollectionsMarshal.AsSpan(keys));
            return;
        }

        // Only the outlet printed on the page names its site: that needs the lines themselves.
        var lines = PageLines.Split(page.Content);
        statistics.AddPage(SiteKey(page, lines), lines.Select(l => l.Text));
    }

    public Article Extract(DecodedPage page, LineStatistics statistics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(statistics);
        cancellationToken.ThrowIfCancellationRequested();
        var lines = PageLines.Split(page.Content);
        var site = SiteKey(page, lines);
        var reading = new PageReading(lines, site, statistics, Slug(page.Raw.Url));
        reading.Decide();
        var metadata = reading.Metadata(page);
        var blocks = new List<Block>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            blocks.Add(new Block(lines[i].Text, reading.Roles[i], reading.Reasons[i]));
        }

        if (blocks.Count == 0)
        {
            metadata = metadata with { Notes = [.. metadata.Notes, "the page has no text"] };
        }

        return ArticleBuilder.Build(page, page.Content, blocks, metadata);
    }

    /// <summary>The URL's path lower-cased, the words a title is often spelled with; "" when there is no URL.</summary>
    private static string Slug(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath.ToLowerInvariant() : "";

    /// <summary>
    /// The key repetition is counted under: the outlet the container names, else the URL's host, else the outlet
    /// the text names, else "". Outlet names are compared by their letters, so "Wirenews" from a feed record and
    /// "WIRENEWS" read off a page are one site.
    /// </summary>
    internal static string SiteKey(DecodedPage page, List<PageLines.Line> lines) =>
        SiteKeyFromHints(page) ?? (Outlets.Find(lines)?.Name is { } found ? Storyline.Text.TextNormalizer.LineKey(found) : "");

    /// <summary>The site key from the container's outlet or the URL's host; null when only the page's text can tell.</summary>
    private static string? SiteKeyFromHints(DecodedPage page)
    {
        if (page.Raw.Hints.Source is { Length: > 0 } source && Storyline.Text.TextNormalizer.LineKey(source) is { Length: > 0 } named)
        {
            return named;
        }

        if (page.Raw.Url is { } u && Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        {
            var host = uri.Host.ToLowerInvariant();
            return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        }

        return null;
    }

    /// <summary>The decisions for one page; used once, by one thread.</summary>
    private sealed class PageReading
    {
        private readonly List<PageLines.Line> _lines;
        private readonly string _site;
        private readonly LineStatistics _stats;
        private readonly LineShape[] _shapes;
        private readonly string?[] _chrome;
        private readonly double[] _weights;
        private ulong[]? _keys;
        private int _regionStart;
        private int _firstProse;
        private int _regionEnd = -1;
        private int _title = -1;
        private int _standfirst = -1;
        private Outlets.Outlet? _outlet;
        private readonly List<(int Line, DateLine.Found Date, string Source)> _dates = [];
        private string? _byline;
        private string? _pictured;
        private readonly string _slug;
        private string? _dateline;

        public PageReading(List<PageLines.Line> lines, string site, LineStatistics stats, string slug)
        {
            _lines = lines;
            _site = site;
            _stats = stats;
            _slug = slug;
            var n = lines.Count;
            _shapes = new LineShape[n];
            _chrome = new string?[n];
            _weights = new double[n];
            Roles = new BlockRole[n];
            Reasons = new string?[n];
        }

        public BlockRole[] Roles { get; }

        public string?[] Reasons { get; }

        public void Decide()
        {
            var n = _lines.Count;
            if (n == 0)
            {
                return;
            }

            _outlet = Outlets.Find(_lines);
            for (var i = 0; i < n; i++)
            {
                var text = _lines[i].Text;
                _shapes[i] = LineShape.Measure(text);
                _chrome[i] = _lines[i].GluedCredit ? ChromeVocabulary.PhotoCredit : ChromeVocabulary.Match(text, _shapes[i]);
                if (_chrome[i] == ChromeVocabulary.Copyright && text.Contains(" / ", StringComparison.Ordinal))
                {
                    _chrome[i] = ChromeVocabulary.PhotoCredit;
                }

                // An image's alt text beside its link text prints the same words twice on one line.
                if (_chrome[i] is null && IsDoubled(text))
                {
                    _chrome[i] = "image or link text printed twice";
                }
            }

            // The outlet's name printed alone at the top of the page is its masthead.
            if (_outlet is { } o)
            {
                for (var i = 0; i < n; i++)
                {
                    if (_chrome[i] is null && _lines[i].Text.Equals(o.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        _chrome[i] = "masthead";
                    }
                }
            }

            if (_outlet is { } named)
            {
                // Short lines naming the outlet below the start of the page are its own notices ("Our standards: how X reports").
                for (var i = 1; i < n; i++)
                {
                    if (_chrome[i] is null && _shapes[i].Words <= 12 && !_shapes[i].IsProse &&
                        _lines[i].Text.Contains(named.Name, StringComparison.OrdinalIgnoreCase) && i > n / 2)
                    {
                        _chrome[i] = "outlet's own notice";
                    }
                }
            }

            MarkFootnotes();
            MarkBoxes();
            MarkRepeats();
            MarkCaptions();
            MarkTagLines();
            MarkTestimonials();
            _firstProse = Array.FindIndex(_shapes, s => s.IsProse);
            if (_firstProse < 0)
            {
                _firstProse = n;
            }

            MarkDatedTeasers();
            MarkCommentThread();
            MarkAuthorBox();

            var run = 0;
            var comments = false;
            var proseWords = 0;
            for (var i = 0; i < n; i++)
            {
                var s = _shapes[i];
                run = _chrome[i] is null && !s.IsProse && s.Words < 7 ? run + 1 : 0;
                var end = run;
                if (run > 0 && run <= RunOfHeadings)
                {
                    // Look ahead: the run's full length decides whether it is headings or a menu.
                    var k = i + 1;
                    while (k < n && end <= RunOfHeadings && _chrome[k] is null && !_shapes[k].IsProse && _shapes[k].Words < 7)
                    {
                        k++;
                        end++;
                    }
                }

                _weights[i] = Weight(i, end);

                // Readers' comments below the prose can outweigh the article they follow; they never are it.
                if (comments && _weights[i] > 0)
                {
                    _weights[i] *= 0;
                }

                proseWords += s.IsProse ? s.Words : 0;
                comments |= proseWords >= 150 && _chrome[i] == ChromeVocabulary.Comments;
            }

            FindRegion();
            ExtendRegion();
            MarkInPageRepeats();
            FindMetadataLines();
            AssignRoles();
        }

        private double Weight(int i, int shortRun)
        {
            var s = _shapes[i];
            var chrome = _chrome[i];
            if (chrome is not null)
            {
                return IsStopper(chrome) ? StopperWeight : ChromeWeight;
            }

            var text = _lines[i].Text;
            if (text.EndsWith("...", StringComparison.Ordinal) || text.EndsWith('\u2026'))
            {
                // A cut-off excerpt is how teasers of other articles end.
                return 0;
            }

            if (s.IsProse)
            {
                var w = Math.Min(s.Words, 120);
                return s.StopRatio >= 0.3 ? w : w * 0.5;
            }

            if (s.Words >= 4 && s.EndsWithStop && s.StopRatio >= 0.2)
            {
                return 2;
            }

            // A date line below the start of the prose heads a teaser of another article.
            if (s.Words <= 8 && i > _firstProse && _lines[i].Text.AsSpan().IndexOfAnyInRange('0', '9') >= 0 && DateLine.Find(_lines[i].Text) is not null)
            {
                return ChromeWeight;
            }

            if (s.ListItem && s.Words >= 7 && s.StopRatio >= 0.15 && s.CapitalRatio < 0.6)
            {
                return s.Words * 0.4;
            }

            if (LooksLikeCode(_lines[i].Text))
            {
                return -0.2;
            }

            // Headings and short lists sit inside articles; long runs of short lines are menus.
            var weight = -1.0;
            if (s.ListItem)
            {
                weight -= 0.3;
            }

            if (s.Words >= 3 && s.CapitalRatio > 0.7)
            {
                weight -= 0.5;
            }

            if (s.GluedWords > 0)
            {
                weight -= 2;
            }

            // Only near prose does corpus repetition decide anything: a menu far from any paragraph is out anyway.
            if (s.Words <= 6 && _stats.Pages > 20 && NearProse(i) && _stats.PagesWithKeyAnywhere(LineKey(i)) >= Math.Max(5, _stats.Pages / 50))
            {
                weight -= 2;
            }

            return weight * (shortRun <= RunOfHeadings ? 0.5 : 1.5);
        }

        private static bool IsDoubled(string t)
        {
            var n = t.Length;
            if (n < 9 || n % 2 == 0)
            {
                return false;
            }

            var half = n / 2;
            return t[half] == ' ' && t.AsSpan(0, half).SequenceEqual(t.AsSpan(half + 1));
        }

        /// <summary>The line's repetition key, computed once.</summary>
        private ulong LineKey(int i)
        {
            _keys ??= new ulong[_lines.Count];
            if (_keys[i] == 0)
            {
                // Keys are odd; 2 marks a line without letters or digits (key 0), so it is not computed again.
                var k = LineStatistics.Key(_lines[i].Text);
                _keys[i] = k == 0 ? 2 : k;
            }

            return _keys[i] == 2 ? 0 : _keys[i];
        }

        private bool NearProse(int i)
        {
            for (var k = Math.Max(0, i - NearProseLines); k < _lines.Count && k <= i + NearProseLines; k++)
            {
                if (_shapes[k].IsProse)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsStopper(string chrome) =>
            chrome is "about the author" or ChromeVocabulary.Related or ChromeVocabulary.Comments or ChromeVocabulary.Newsletter or ChromeVocabulary.Donation
                or ChromeVocabulary.Cookies or ChromeVocabulary.Copyright;

        /// <summary>Chrome that ends an article: what follows it is not more of the same article.</summary>
        private static bool IsEnd(string? chrome) =>
            chrome is ChromeVocabulary.Related or ChromeVocabulary.Comments or ChromeVocabulary.Copyright or ChromeVocabulary.References;

        private static bool LooksLikeCode(string line)
        {
            if (line.Length < 2)
            {
                return false;
            }

            var last = line[^1];
            return last is ';' or '{' or '}' or '(' or ')' or '>' or ',' && line.AsSpan().IndexOfAny("{}();<>=") >= 0 ||
                line.StartsWith("</", StringComparison.Ordinal) || line.StartsWith("//", StringComparison.Ordinal) ||
                line.StartsWith("import ", StringComparison.Ordinal) || line.StartsWith("$ ", StringComparison.Ordinal);
        }

        /// <summary>The densest body region: the run of lines with the largest sum of weights.</summary>
        private void FindRegion()
        {
            double best = 0, sum = 0;
            var start = 0;
            _regionStart = 0;
            _regionEnd = -1;
            for (var i = 0; i < _weights.Length; i++)
            {
                if (sum <= 0)
                {
                    sum = 0;
                    start = i;
                }

                sum += _weights[i];
                if (sum > best)
                {
                    best = sum;
                    _regionStart = start;
                    _regionEnd = i;
                }
            }

            // Chrome that ends an article ("Related stories", "About the author", comments) is never crossed:
            // of the pieces it cuts the region into, the heaviest is the article.
            double pieceBest = double.MinValue, piece = 0;
            int pieceStart = _regionStart, bestStart = _regionStart, bestEnd = _regionEnd;
            for (var i = _regionStart; i <= _regionEnd + 1; i++)
            {
                if (i > _regionEnd || IsEnd(_chrome[i]))
                {
                    if (piece > pieceBest && i > pieceStart)
                    {
                        pieceBest = piece;
                        bestStart = pieceStart;
                        bestEnd = i - 1;
                    }

                    piece = 0;
                    pieceStart = i + 1;
                    continue;
                }

                piece += _weights[i];
            }

            _regionStart = bestStart;
            _regionEnd = bestEnd;
            while (_regionEnd > _regionStart && _weights[_regionEnd] < 0)
            {
                _regionEnd--;
            }

            while (_regionStart < _regionEnd && _weights[_regionStart] < 0)
            {
                _regionStart++;
            }
        }

        /// <summary>
        /// An article cut in two by a box (newsletter sign-up, advertisement) continues after it: a run of prose
        /// at least a quarter the weight of the region, close by and not behind chrome that ends an article, joins it.
        /// </summary>
        private void ExtendRegion()
        {
            if (_regionEnd < 0)
            {
                return;
            }

            var mainSum = 0.0;
            for (var i = _regionStart; i <= _regionEnd; i++)
            {
                mainSum += _weights[i];
            }

            while (true)
            {
                double best = 0, sum = 0;
                int bestEnd = -1, gapEnd = -1;
                bool blocked = false, overRelated = false;
                for (var i = _regionEnd + 1; i < _weights.Length && i <= _regionEnd + 40; i++)
                {
                    if (_chrome[i] is ChromeVocabulary.Comments or ChromeVocabulary.Copyright or ChromeVocabulary.References)
                    {
                        blocked = true;
                    }

                    if (_chrome[i] == ChromeVocabulary.Related)
                    {
                        overRelated = true;
                    }

                    if (blocked)
                    {
                        break;
                    }

                    if (sum <= 0)
                    {
                        sum = 0;
                        gapEnd = i;
                    }

                    sum += _weights[i];
                    if (sum > best)
                    {
                        best = sum;
                        bestEnd = i;
                    }
                }

                if (bestEnd < 0 || best < Math.Max(40, (overRelated ? 0.6 : 0.35) * mainSum) || gapEnd - _regionEnd > 15)
                {
                    break;
                }

                _regionEnd = bestEnd;
            }
        }

        /// <summary>
        /// A line printed again inside the article (a standfirst printed twice, a caption under and over a photo)
        /// is removed the second time; a line of the menu or contents list printed again as a heading is kept there.
        /// </summary>
        private void MarkInPageRepeats()
        {
            var seen = new Dictionary<string, int>(_lines.Count, StringComparer.Ordinal);
            for (var i = 0; i < _lines.Count; i++)
            {
                if (_shapes[i].Words < 4)
                {
                    continue;
                }

                var key = _lines[i].Text;
                if (!seen.TryAdd(key, i) && _chrome[i] is null && (seen[key] >= _regionStart || i > _regionEnd))
                {
                    _chrome[i] = "repeated line";
                }
            }
        }

        /// <summary>"* – Terrorist organization banned in Russia." under a text that marked a word with "*".</summary>
        private void MarkFootnotes()
        {
            for (var i = 1; i < _lines.Count; i++)
            {
                var t = _lines[i].Text;
                if (t.Length < 3 || t[0] != '*' || _shapes[i].Words > 30)
                {
                    continue;
                }

                var rest = t.AsSpan(1).TrimStart();
                var marked = rest.Length > 0 && rest[0] is '-' or '\u2013' or '\u2014' or '*';
                if (marked || (t.Length > 1 && char.IsLetter(t[1])))
                {
                    for (var j = 0; j < i; j++)
                    {
                        if (HasMarkedWord(_lines[j].Text))
                        {
                            _chrome[i] = "footnote";
                            break;
                        }
                    }
                }
            }
        }

        private static bool HasMarkedWord(string text)
        {
            for (var k = text.IndexOf('*', StringComparison.Ordinal); k > 0; k = text.IndexOf('*', k + 1))
            {
                if (char.IsLetter(text[k - 1]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A newsletter or donation box runs on from the line that opens it through the lines that go with it:
        /// short buttons, lines in the box's words, lines where the site speaks of itself ("we", "our").
        /// </summary>
        private void MarkBoxes()
        {
            for (var i = 0; i < _lines.Count; i++)
            {
                if (_chrome[i] is not (ChromeVocabulary.Newsletter or ChromeVocabulary.Donation) &&
                    !(_shapes[i].IsProse && ChromeVocabulary.MatchBoxWords(_lines[i].Text) is ChromeVocabulary.Newsletter or ChromeVocabulary.Donation))
                {
                    continue;
                }

                var reason = _chrome[i] ?? ChromeVocabulary.MatchBoxWords(_lines[i].Text)!;
                _chrome[i] = reason;
                var j = i + 1;
                for (; j < _lines.Count; j++)
                {
                    var t = _lines[j].Text;
                    var s = _shapes[j];
                    if (_chrome[j] is ChromeVocabulary.Newsletter or ChromeVocabulary.Donation)
                    {
                        reason = _chrome[j]!;
                        continue;
                    }

                    var boxWords = ChromeVocabulary.MatchBoxWords(t);
                    var own = s.FirstPersonPlural >= 2 || (_outlet is { } o && t.Contains(o.Name, StringComparison.Ordinal));
                    if (s.Words <= 6 || boxWords is not null || own)
                    {
                        if (boxWords is ChromeVocabulary.Donation or ChromeVocabulary.Newsletter)
                        {
                            reason = boxWords;
                        }

                        _chrome[j] = reason;
                        continue;
                    }

                    break;
                }

                i = j - 1;
            }
        }

        /// <summary>Lines that recur on many pages of the site.</summary>
        private void MarkRepeats()
        {
            if (_site.Length == 0)
            {
                return;
            }

            var sitePages = _stats.PagesOfSite(_site);
            if (sitePages < 3)
            {
                return;
            }

            // A page crawled again under the same site shares all its prose: then only the short lines count.
            var repeated = new int[_lines.Count];
            int prose = 0, proseRepeated = 0;
            for (var i = 0; i < _lines.Count; i++)
            {
                repeated[i] = _stats.PagesWithKey(_site, LineKey(i));
                if (_shapes[i].IsProse)
                {
                    prose++;
                    if (repeated[i] >= 3)
                    {
                        proseRepeated++;
                    }
                }
            }

            var proseToo = proseRepeated * 2 < prose;
            for (var i = 0; i < _lines.Count; i++)
            {
                if (_chrome[i] is null && repeated[i] >= 3 && (proseToo || !_shapes[i].IsProse) && repeated[i] * 4 >= sitePages)
                {
                    _chrome[i] = string.Create(CultureInfo.InvariantCulture, $"repeated on {repeated[i]} pages of {_site}");
                }
            }
        }

        /// <summary>A short descriptive line beside a photo credit is the photo's caption.</summary>
        private void MarkCaptions()
        {
            for (var i = 0; i < _lines.Count; i++)
            {
                if (_chrome[i] != ChromeVocabulary.PhotoCredit || _lines[i].GluedCredit)
                {
                    continue;
                }

                foreach (var j in (ReadOnlySpan<int>)[i - 1, i + 1])
                {
                    if (j < 0 || j >= _lines.Count || _shapes[j].Words > 30)
                    {
                        continue;
                    }

                    if (_chrome[j] is null && (!_shapes[j].IsProse || (_shapes[j].Words <= 20 && _shapes[j].Sentences <= 1)))
                    {
                        _chrome[j] = "photo caption";
                    }
                }
            }
        }

        /// <summary>"Reimagining wine by-the-glass for a new generation 10 February 2026": a headline with its date, below the prose.</summary>
        private void MarkDatedTeasers()
        {
            for (var i = _firstProse + 1; i < _lines.Count; i++)
            {
                var t = _lines[i].Text;
                var s = _shapes[i];
                if (_chrome[i] is null && s.Words is >= 4 and <= 25 && t.Length > 4 && char.IsAsciiDigit(t[^1]) &&
                    DateLine.Find(t) is { } d && d.End == t.Length && d.Start > 0)
                {
                    _chrome[i] = "teaser with a date";
                }
            }
        }

        /// <summary>
        /// Comments under an article: a count ("36 Comments"), or two or more comment headers below the prose
        /// ("Jill Winger says", "December 19, 2025, 10:54 am" under a short name). The first opens the comments.
        /// </summary>
        private void MarkCommentThread()
        {
            var first = -1;
            var headers = 0;
            var proseWords = 0;
            for (var i = _firstProse; i < _lines.Count; i++)
            {
                proseWords += _shapes[i].IsProse ? _shapes[i].Words : 0;
                if (_chrome[i] is not null || _shapes[i].Words > 8 || proseWords < 150)
                {
                    continue;
                }

                var t = _lines[i].Text;
                if (IsCommentCount(t))
                {
                    _chrome[i] = ChromeVocabulary.Comments;
                    break;
                }

                if (IsCommentHeader(i))
                {
                    headers++;
                    if (first < 0)
                    {
                        first = i;
                    }
                }
            }

            if (headers >= 2)
            {
                _chrome[first] = ChromeVocabulary.Comments;
            }
        }

        /// <summary>"36 Comments", "109 Comments | Grow a Garden", "2 responses".</summary>
        private static bool IsCommentCount(string t)
        {
            var digits = 0;
            while (digits < t.Length && char.IsAsciiDigit(t[digits]))
            {
                digits++;
            }

            if (digits == 0 || digits + 1 >= t.Length || t[digits] != ' ')
            {
                return false;
            }

            var rest = t.AsSpan(digits + 1);
            return rest.StartsWith("comment", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("response", StringComparison.OrdinalIgnoreCase) ||
                rest.StartsWith("replies", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("thoughts on", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>"Jill Winger says", or a date with a clock time under a short line without a sentence (the commenter's name).</summary>
        private bool IsCommentHeader(int i)
        {
            var t = _lines[i].Text;
            if (_shapes[i].Words <= 5 && (t.EndsWith(" says", StringComparison.Ordinal) || t.EndsWith(" says:", StringComparison.Ordinal)))
            {
                return true;
            }

            // Forum style: "by jdoe ( 1311177 ) writes:".
            if (t.StartsWith("by ", StringComparison.Ordinal) && t.EndsWith(" writes:", StringComparison.Ordinal))
            {
                return true;
            }

            if (i == 0 || _shapes[i - 1].Words is 0 or > 4 || _shapes[i - 1].EndsSentence || t.AsSpan().IndexOfAnyInRange('0', '9') < 0)
            {
                return false;
            }

            return DateLine.Find(t) is { } d && t.Length - (d.End - d.Start) < 25 &&
                (t.Contains(" am", StringComparison.OrdinalIgnoreCase) || t.Contains(" pm", StringComparison.OrdinalIgnoreCase)) && t.Contains(':', StringComparison.Ordinal);
        }

        /// <summary>
        /// The author's box below the article: a short name line, then prose that opens with the same name
        /// ("Karina Cohen" / "Karina Cohen is the owner of ..."). It ends the article.
        /// </summary>
        private void MarkAuthorBox()
        {
            // Exactly one such pair: several are a list of people or products each introduced by its name.
            var found = -1;
            for (var i = Math.Max(1, _firstProse + 1); i + 1 < _lines.Count; i++)
            {
                var s = _shapes[i];
                if (s.Words is < 2 or > 6 || s.EndsSentence || !_shapes[i + 1].IsProse)
                {
                    continue;
                }

                var name = _lines[i].Text.StartsWith("About ", StringComparison.Ordinal) ? _lines[i].Text[6..] : _lines[i].Text;
                if (!s.ListItem && Bylines.ReadNameLine(name) is { } n && _lines[i + 1].Text.StartsWith(n + " ", StringComparison.Ordinal) &&
                    _lines[i + 1].Text.AsSpan(n.Length + 1).StartsWith("is ", StringComparison.Ordinal) && NamesAProfession(_lines[i + 1].Text))
                {
                    if (found >= 0)
                    {
                        return;
                    }

                    found = i;
                }
            }

            if (found >= 0)
            {
                _chrome[found] = ChromeVocabulary.Related;
                _chrome[found + 1] = "about the author";
            }
        }

        private static readonly SearchValues<string> Professions = SearchValues.Create(
            ["writer", "editor", "journalist", "reporter", "author", "founder", "owner", "contributor", "correspondent", "columnist",
                "freelance", "professor", "researcher", "blogger", "photographer", "producer", "analyst", "consultant", "coach", "expert"],
            StringComparison.OrdinalIgnoreCase);

        private static bool NamesAProfession(string line)
        {
            var end = line.IndexOf(". ", StringComparison.Ordinal);
            return line.AsSpan(0, end > 0 ? end : line.Length).IndexOfAny(Professions) >= 0;
        }

        /// <summary>"Russian ambassador, summons, Kremlin, Turkey, Russia": comma-separated topic labels, no sentence.</summary>
        private void MarkTagLines()
        {
            for (var i = 0; i < _lines.Count; i++)
            {
                var s = _shapes[i];
                if (_chrome[i] is not null || s.EndsSentence || s.Words is < 3 or > 30 || s.StopWords > 1)
                {
                    continue;
                }

                var t = _lines[i].Text;
                var commas = t.AsSpan().Count(',');
                if (commas >= 3 && commas * 3 >= s.Words - 1)
                {
                    _chrome[i] = "tag line";
                }
            }
        }

        /// <summary>
        /// Customer reviews ("Great doctors and staff." / "Mallory R.", again and again): prose signed with a first name
        /// and an initial. One signature can close a letter; a run of them is a testimonials box, however long its prose.
        /// </summary>
        private void MarkTestimonials()
        {
            var signed = new List<int>();
            for (var i = 1; i < _lines.Count; i++)
            {
                if (IsReviewerSignature(_lines[i].Text))
                {
                    signed.Add(i);
                }
            }

            // Three signatures, each within three lines of the one before: the run between them is reviews.
            for (var a = 0; a + 2 < signed.Count; a++)
            {
                var b = a;
                while (b + 1 < signed.Count && signed[b + 1] - signed[b] <= 3)
                {
                    b++;
                }

                if (b - a >= 2)
                {
                    for (var i = Math.Max(0, signed[a] - 2); i <= signed[b]; i++)
                    {
                        _chrome[i] ??= "customer reviews";
                    }
                }

                a = b;
            }
        }

        /// <summary>"Mallory R.", "A. Rae V. B.": one to three capitalised names ending in a single initial.</summary>
        private static bool IsReviewerSignature(string t)
        {
            // Cheap shape test first: this runs on every line of every page.
            if (t.Length is < 4 or > 40 || t[^1] != '.' || t[^3] != ' ' || !char.IsUpper(t[^2]))
            {
                return false;
            }

            var words = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is < 2 or > 4)
            {
                return false;
            }

            var last = words[^1];
            if (last.Length != 2 || !char.IsUpper(last[0]) || last[1] != '.')
            {
                return false;
            }

            foreach (var w in words)
            {
                if (!char.IsUpper(w[0]) || w.Length > 15 || w.AsSpan(1).ContainsAnyExcept("abcdefghijklmnopqrstuvwxyz.-'") && w.Length > 2)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Title, standfirst, byline, page dates and dateline around the start of the region.</summary>
        private void FindMetadataLines()
        {
            var n = _lines.Count;
            var limit = Math.Min(n, _regionEnd < 0 ? 40 : _regionStart + 8);
            for (var i = Math.Max(0, limit - 48); i < limit; i++)
            {
                var t = _lines[i].Text;
                var s = _shapes[i];
                if (s.Words > 16)
                {
                    continue;
                }

                if (_byline is null && Bylines.Read(t) is { } name)
                {
                    _byline = name;
                    Roles[i] = BlockRole.Byline;
                }
                else if (_byline is null && _pictured is null && Bylines.ReadPicture(t) is { } pictured)
                {
                    _pictured = pictured;
                }

                if (s.Words <= 12 && t.AsSpan().IndexOfAnyInRange('0', '9') >= 0 && DateLine.Find(t) is { } found)
                {
                    var source = t.Contains("updated", StringComparison.OrdinalIgnoreCase) ? "text:updated-line" : "text:date-line";
                    _dates.Add((i, found, source));
                    if (Roles[i] != BlockRole.Byline)
                    {
                        Roles[i] = BlockRole.PageDate;
                    }
                }
                else if (_dateline is null && IsDatelineLine(t, s))
                {
                    _dateline = t;
                    Roles[i] = BlockRole.Dateline;
                }
            }

            // An author's photo captioned with the name stands for a byline when the page prints no "By" line.
            _byline ??= _pictured;
            if (_regionEnd >= 0 && _dateline is null)
            {
                _dateline = Datelines.Leading(_lines[_regionStart].Text);
            }

            FindTitle();
            _byline ??= NameUnderTitle();
        }

        /// <summary>
        /// A name printed on its own line just under the title, marked as a byline by its company: a "By" label
        /// above it, a date or reading time beside it ("Dan Pantelo", "February 6, 2026"; "Zach Lezberg | May 22, 2025").
        /// </summary>
        private string? NameUnderTitle()
        {
            if (_title < 0)
            {
                return null;
            }

            for (var k = _title + 1; k < _lines.Count && k <= _title + 4; k++)
            {
                var t = _lines[k].Text;
                if (IsMetadataLabel(t) && k + 1 < _lines.Count && Bylines.ReadNameLine(_lines[k + 1].Text) is { } labelled)
                {
                    return labelled;
                }

                foreach (var bar in (ReadOnlySpan<string>)[" | ", " \u00B7 ", " \u2022 "])
                {
                    var cut = t.IndexOf(bar, StringComparison.Ordinal);
                    if (cut > 0 && Bylines.ReadNameLine(t[..cut]) is { } barred && DateLine.Find(t.AsSpan(cut)) is not null)
                    {
                        return barred;
                    }
                }

                if (Bylines.ReadNameLine(t) is { } name && t != _lines[_title].Text)
                {
                    var next = k + 1 < _lines.Count ? _lines[k + 1].Text : "";
                    var prev = _lines[k - 1].Text;
                    if (next == t || IsDateOrReadingTime(next) || IsDateOrReadingTime(prev) || IsMetadataLabel(prev))
                    {
                        return name;
                    }
                }
            }

            return null;
        }

        private static bool IsDateOrReadingTime(string t) =>
            t.Length < 80 && (t.Contains("min read", StringComparison.OrdinalIgnoreCase) ||
                (t.AsSpan().IndexOfAnyInRange('0', '9') >= 0 && DateLine.Find(t) is { } d && t.Length - (d.End - d.Start) < 30));

        private static bool IsDatelineLine(string t, in LineShape s) =>
            s.Words is >= 1 and <= 5 && t.EndsWith(':') && t.Contains(',', StringComparison.Ordinal) && s.CapitalRatio >= 0.99;

        private void FindTitle()
        {
            // Titles sit above the article, often behind a table of contents or a byline block, so the search
            // reaches well before the region; a title is marked by the byline, date or reading time under it.
            var stop = _regionEnd < 0 ? Math.Min(_lines.Count, 12) : Math.Min(_lines.Count, _regionStart + 2);
            var best = double.MinValue;
            var first = _lines.Count > 0 ? _lines[0].Text : "";
            for (var i = Math.Max(0, stop - 80); i < stop; i++)
            {
                var s = _shapes[i];
                var t = _lines[i].Text;
                if (_chrome[i] is not null and not "repeated line")
                {
                    continue;
                }

                if (Roles[i] is BlockRole.Byline or BlockRole.PageDate or BlockRole.Dateline || s.Words is < 2 or > 30 || s.ListItem)
                {
                    continue;
                }

                if (i >= _regionStart && (s.EndsWithStop && !t.EndsWith('?') && !t.EndsWith('!') || s.Words > 20))
                {
                    continue;
                }

                // Distance to the article counts the lines between that are not its byline, date or dateline.
                var between = 0;
                for (var k = i + 1; k < Math.Min(stop, _regionStart + 1); k++)
                {
                    if (Roles[k] is not (BlockRole.Byline or BlockRole.PageDate or BlockRole.Dateline) && _chrome[k] is null)
                    {
                        between++;
                    }
                }

                var score = -0.25 * Math.Min(between, 8) - 0.02 * between;
                if (!s.EndsSentence || t.EndsWith('?') || t.EndsWith('!'))
                {
                    score += 2;
                }

                if (s.CapitalRatio >= 0.6)
                {
                    score += 1.5;
                }

                if (s.Words >= 4)
                {
                    score += 1;
                }

                if (i > 0 && first.Length > t.Length && first.StartsWith('#') && first.Contains(t, StringComparison.Ordinal))
                {
                    score += 3;
                }

                if (PrintedTwice(i, stop))
                {
                    score += 2;
                }

                if (s.IsProse)
                {
                    score -= 3;
                }

                if (t == _byline || t == _pictured || Bylines.Read(t) is not null || NamesAContributor(t))
                {
                    continue;
                }

                var below = MetadataBelow(i);
                if (below >= 3 && Bylines.ReadNameLine(t) is not null)
                {
                    // "Dan Pantelo" over "February 6, 2026": the author, printed where the byline goes.
                    continue;
                }

                score += below;
                if (i > 0 && Roles[i - 1] is BlockRole.PageDate or BlockRole.Byline)
                {
                    // "Posted Saturday 15 March 2025" over the headline.
                    score += 2;
                }

                if (EndOfBreadcrumb(i))
                {
                    score += 2;
                }

                score += 4 * SlugOverlap(t);
                if (score > best)
                {
                    best = score;
                    _title = i;
                }
            }

            if (best < 2)
            {
                _title = -1;
            }

            // The standfirst: the sentence printed under the title, before the byline or the dateline,
            // or printed twice, or carrying a photo credit.
            if (_title >= 0 && _regionEnd >= 0)
            {
                var k = _title + 1;
                while (k < _lines.Count && (_chrome[k] is not null || Roles[k] is BlockRole.Byline or BlockRole.PageDate || _lines[k].Text == _lines[_title].Text))
                {
                    k++;
                }

                if (k < _lines.Count && _shapes[k].Words >= 6 && _shapes[k].Words <= 60 && Roles[k] == default)
                {
                    var next = k + 1;
                    var shown = k < _regionStart ||
                        (next < _lines.Count && (_chrome[next] is "repeated line" or ChromeVocabulary.PhotoCredit || _lines[next].GluedCredit ||
                            Roles[next] is BlockRole.Dateline or BlockRole.Byline or BlockRole.PageDate || _chrome[next] == ChromeVocabulary.Markup));
                    if (shown && _chrome[k] is null)
                    {
                        _standfirst = k;
                    }
                }
            }
        }

        /// <summary>Share of the line's words (three letters or more) that the URL's path spells: titles become slugs.</summary>
        private double SlugOverlap(string line)
        {
            if (_slug.Length == 0)
            {
                return 0;
            }

            int words = 0, inSlug = 0;
            var span = line.AsSpan();
            Span<char> buffer = stackalloc char[64];
            var i = 0;
            while (i < span.Length)
            {
                if (!char.IsLetterOrDigit(span[i]))
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < span.Length && char.IsLetterOrDigit(span[i]))
                {
                    i++;
                }

                if (i - start < 3)
                {
                    continue;
                }

                words++;
                var lower = buffer[..Math.Min(i - start, buffer.Length)];
                var n = span.Slice(start, lower.Length).ToLowerInvariant(lower);
                if (_slug.AsSpan().IndexOf(lower[..n], StringComparison.Ordinal) >= 0)
                {
                    inSlug++;
                }
            }

            return words == 0 ? 0 : (double)inSlug / words;
        }

        /// <summary>
        /// How closely a byline, a page date, a byline or date label ("Written By:", "Last updated") or a reading
        /// time follows the line: 3 right under it, less two or three lines down, 0 when none does.
        /// </summary>
        private double MetadataBelow(int i)
        {
            for (var k = i + 1; k < _lines.Count && k <= i + 3; k++)
            {
                var t = _lines[k].Text;
                if (Roles[k] is BlockRole.Byline or BlockRole.PageDate || IsMetadataLabel(t) ||
                    (_shapes[k].Words <= 12 && (Bylines.Read(t) is not null || t.Contains("min read", StringComparison.OrdinalIgnoreCase) ||
                        (t.AsSpan().IndexOfAnyInRange('0', '9') >= 0 && DateLine.Find(t) is not null))))
                {
                    return k == i + 1 ? 3 : k == i + 2 ? 1.5 : 0.5;
                }
            }

            return 0;
        }

        /// <summary>"Written By: Tom May", "Edited by: Kristina Zagame": a credit line, never the title.</summary>
        private static bool NamesAContributor(string t) =>
            t.Contains("written by", StringComparison.OrdinalIgnoreCase) || t.Contains("edited by", StringComparison.OrdinalIgnoreCase) ||
            t.Contains("reviewed by", StringComparison.OrdinalIgnoreCase) || t.Contains("posted by", StringComparison.OrdinalIgnoreCase);

        private static bool IsMetadataLabel(string t)
        {
            if (t.Length > 20)
            {
                return false;
            }

            var l = t.Trim().TrimEnd(':').Trim().ToLowerInvariant();
            return l is "by" or "written by" or "posted by" or "author" or "published" or "posted" or "updated" or "last updated" or "published on" or "posted on";
        }

        /// <summary>The line ends a breadcrumb trail printed above it ("Home » Blogs » Title", "3. /Title").</summary>
        private bool EndOfBreadcrumb(int i)
        {
            var t = _lines[i].Text;
            for (var k = Math.Max(0, i - 6); k < i; k++)
            {
                var o = _lines[k].Text;
                if (o.Length > t.Length + 1 && o.EndsWith(t, StringComparison.Ordinal))
                {
                    var c = o[o.Length - t.Length - 1];
                    if (c is '/' or '\u00BB' or '>' or '|' or '\u203A' || (c == ' ' && o.Length > t.Length + 2 && o[o.Length - t.Length - 2] is '/' or '\u00BB' or '>' or '|' or '\u203A'))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool PrintedTwice(int i, int stop)
        {
            for (var j = Math.Max(0, i - 16); j < stop; j++)
            {
                if (j != i && _lines[j].Text == _lines[i].Text)
                {
                    return true;
                }
            }

            return false;
        }

        private void AssignRoles()
        {
            for (var i = 0; i < _lines.Count; i++)
            {
                if (i == _title)
                {
                    Roles[i] = BlockRole.Title;
                    continue;
                }

                if (i == _standfirst)
                {
                    Roles[i] = BlockRole.Standfirst;
                    continue;
                }

                if (Roles[i] is BlockRole.Byline or BlockRole.PageDate or BlockRole.Dateline && _chrome[i] is null)
                {
                    continue;
                }

                var chrome = _chrome[i];
                if (chrome == "repeated line")
                {
                    chrome = _title >= 0 && _lines[i].Text == _lines[_title].Text ? "repeated title"
                        : _standfirst >= 0 && _lines[i].Text == _lines[_standfirst].Text ? "repeated standfirst"
                        : chrome;
                }

                if (chrome == "photo caption" && PrintedBefore(i))
                {
                    chrome = "photo caption repeated";
                }

                if (chrome is not null)
                {
                    Roles[i] = BlockRole.Boilerplate;
                    Reasons[i] = chrome;
                    continue;
                }

                var s = _shapes[i];
                if (i >= _regionStart && i <= _regionEnd)
                {
                    Roles[i] = s.IsProse || s.EndsSentence || s.ListItem || s.Words > 12 ? BlockRole.Body : BlockRole.Heading;
                    continue;
                }

                Roles[i] = BlockRole.Boilerplate;
                Reasons[i] = s.IsProse ? (i < _regionStart ? "text before the article" : "text after the article")
                    : s.ListItem || s.Words <= 6 ? "navigation" : "link or teaser outside the article";
            }
        }

        private bool PrintedBefore(int i)
        {
            for (var j = Math.Max(0, i - 4); j < i; j++)
            {
                if (_lines[j].Text == _lines[i].Text)
                {
                    return true;
                }
            }

            return false;
        }

        public ArticleMetadata Metadata(DecodedPage page)
        {
            var hints = page.Raw.Hints;
            MetaValue? title = hints.Title is { Length: > 0 } ht ? new MetaValue(ht.Trim(), "container")
                : _title >= 0 ? new MetaValue(_lines[_title].Text, "text:title-line") : null;
            MetaValue? byline = hints.Author is { Length: > 0 } ha ? new MetaValue(ha.Trim(), "container")
                : _byline is not null ? new MetaValue(_byline, "text:byline") : null;
            MetaValue? outlet = hints.Source is { Length: > 0 } hs ? new MetaValue(hs.Trim(), "container")
                : _outlet is { } o ? new MetaValue(o.Name, o.Source) : null;
            var candidates = ImmutableArray.CreateBuilder<PageDate>();
            PageDate? chosen = null;
            if (hints.Date is { Length: > 0 } hd && ParseContainerDate(hd) is { } cd)
            {
                chosen = new PageDate(cd.Value, cd.HasTime, hd, "container");
                candidates.Add(chosen);
            }

            foreach (var (line, found, source) in _dates)
            {
                // Date lines are short: the whole line is what a user recognises ("Updated January 16, 2026").
                var d = new PageDate(found.Value, found.HasTime, _lines[line].Text, source);
                candidates.Add(d);
            }

            chosen ??= candidates.FirstOrDefault(d => d.Source == "text:date-line") ?? candidates.FirstOrDefault();
            return new ArticleMetadata
            {
                Url = page.Raw.Url,
                Title = title,
                Standfirst = _standfirst >= 0 ? new MetaValue(_lines[_standfirst].Text, "text:standfirst") : null,
                Byline = byline,
                Outlet = outlet,
                Dateline = _dateline is not null ? new MetaValue(_dateline, "text:dateline") : null,
                Date = chosen,
                DateCandidates = candidates.ToImmutable(),
            };
        }

        private static (DateTimeOffset Value, bool HasTime)? ParseContainerDate(string text)
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var v))
            {
                return (v, text.Contains(':', StringComparison.Ordinal));
            }

            return DateLine.Find(text) is { } f ? (f.Value, f.HasTime) : null;
        }
    }
}
