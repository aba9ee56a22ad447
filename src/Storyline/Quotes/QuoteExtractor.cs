using System.Collections.Immutable;
using Storyline.Model;

namespace Storyline.Quotes;

/// <summary>
/// Finds quotes in an article's text: direct quotes in any quotation-mark style (several paragraphs long, split by
/// their attribution, or partial inside reported speech) and indirect speech, each with its speaker and cue as
/// spans of the text. Speakers are the words that name them; pronouns are traced to a name only with evidence in
/// the same paragraph or in the quote just before; an <see cref="ISpeakerResolver"/> names the entities.
/// Immutable once built; thread-safe.
/// </summary>
public sealed class QuoteExtractor
{
    public QuoteExtractor(QuoteExtractorOptions? options = null)
    {
        Options = options ?? QuoteExtractorOptions.Default;
    }

    public QuoteExtractorOptions Options { get; }

    /// <summary>The quotes of an article, in text order.</summary>
    public ImmutableArray<Quote> Extract(Article article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        var paragraphs = article.Paragraphs.IsDefaultOrEmpty
            ? SplitParagraphs(article.Text)
            : article.Paragraphs.Select(p => new CharSpan(p.Start, p.Length)).ToArray();
        return Extract(article.Text, paragraphs, article, cancellationToken);
    }

    /// <summary>The quotes of a text whose paragraphs are its lines (blank lines and single line breaks both separate).</summary>
    public ImmutableArray<Quote> Extract(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Extract(text, SplitParagraphs(text), null, cancellationToken);
    }

    /// <summary>The paragraphs of a plain text: its non-empty lines, whitespace-trimmed.</summary>
    public static CharSpan[] SplitParagraphs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<CharSpan>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                var s = start;
                var e = i;
                while (s < e && char.IsWhiteSpace(text[s]))
                {
                    s++;
                }

                while (e > s && char.IsWhiteSpace(text[e - 1]))
                {
                    e--;
                }

                if (e > s)
                {
                    list.Add(CharSpan.FromBounds(s, e));
                }

                start = i + 1;
            }
        }

        return [.. list];
    }

    private ImmutableArray<Quote> Extract(string text, IReadOnlyList<CharSpan> paragraphs, Article? article, CancellationToken cancellationToken)
    {
        var run = new ArticleRun(text, Options);
        for (var p = 0; p < paragraphs.Count; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            run.Paragraph(new ParagraphScan(text, paragraphs[p].Start, paragraphs[p].End));
        }

        return run.Finish(article);
    }

    /// <summary>A quote being built: token positions stay with their paragraph until the speaker is resolved.</summary>
    private sealed class Draft
    {
        public required ParagraphScan Scan { get; init; }

        public required int ParagraphIndex { get; init; }

        public List<CharSpan> Fragments { get; } = [];

        public int SpeakerFrom { get; init; } = -1;

        public int SpeakerTo { get; init; } = -1;

        public CharSpan? Cue { get; init; }

        public QuoteKind Kind { get; init; }

        public CharSpan? Speaker => SpeakerFrom < 0
            ? null
            : CharSpan.FromBounds(Scan.Tokens[SpeakerFrom].Start, Scan.Tokens[SpeakerTo - 1].End);

        /// <summary>The name this speaker stands for, once known (itself, or a pronoun's antecedent).</summary>
        public CharSpan? Name { get; set; }
    }

    /// <summary>The state of one article's extraction: the paragraphs read so far and what carries into the next one.</summary>
    private sealed class ArticleRun(string text, QuoteExtractorOptions options)
    {
        private readonly List<Draft> _drafts = [];
        private readonly List<ParagraphScan> _scans = [];

        // A quote whose last paragraph opened a quotation mark without closing it: the next paragraph continues it.
        private Draft? _carried;

        // "He said:" ending a paragraph: the quote in the next paragraph is his.
        private (ParagraphScan Scan, Attribution A)? _leadIn;

        public void Paragraph(ParagraphScan s)
        {
            var index = _scans.Count;
            _scans.Add(s);
            var carried = _carried;
            var leadIn = _leadIn;
            _carried = null;
            _leadIn = null;
            Draft? last = null;
            Draft? owner = null;
            var consumed = new HashSet<int>();

            var attributionSentence = -1;
            var previousQuote = QuoteEndingParagraph(index - 1);
            for (var si = 0; si < s.Sentences.Count; si++)
            {
                if (si == attributionSentence)
                {
                    // Only "Trump said." after a quote that closed its own sentence: already its attribution.
                    continue;
                }

                var (from, to) = s.Sentences[si];
                var emitted = false;

                // A cue with its speaker earlier in the sentence governs the quoted words after it ("he said that
                // Clinton's call to “make America whole again” ..."): the statement is the indirect pass's to take.
                var leading = LeadingCue(s, from, to);
                for (var r = 0; r < s.Runs.Count; r++)
                {
                    var run = s.Runs[r];
                    if (consumed.Contains(r) || run.OpenToken < from || run.OpenToken >= to)
                    {
                        continue;
                    }

                    var open = run.OpenToken;
                    var close = run.Closed ? run.CloseToken : to - 1;
                    var atStart = !HasWords(s, from, open);
                    var runSpan = CharSpan.FromBounds(run.Open, run.End + 1);

                    // The statement holds this quote; a quote left open goes on in the paragraphs after it.
                    void Take(Draft draft)
                    {
                        draft.Fragments.Add(runSpan);
                        owner = run.Closed ? owner : draft;
                        last = draft;
                        emitted = true;
                    }

                    var endsInComma = run.Closed && close > 0 && s.Tokens[close - 1].Kind == TokenKind.Punct && s.Text[s.Tokens[close - 1].Start] is ',' or '?' or '!' or '\u2014';
                    var (attributionFrom, attributionTo) = (close + 1, to);
                    if (run.Closed && atStart && !HasWords(s, close + 1, to) && si + 1 < s.Sentences.Count && AttributionSentence(s, s.Sentences[si + 1]))
                    {
                        // "“... are missing.” Trump said.": the quote closed its sentence, the next one only attributes it.
                        (attributionFrom, attributionTo) = s.Sentences[si + 1];
                    }

                    if (run.Closed && !((s.IsTitle(r) || NamedShow(s, run)) && !atStart) && QuoteGrammar.TryForward(s, attributionFrom, attributionTo, endsInComma, out var after))
                    {
                        if (attributionTo != to)
                        {
                            attributionSentence = si + 1;
                            (from, to) = s.Sentences[si + 1];
                        }

                        var start = atStart ? run.Open : s.Tokens[FirstWordOrMark(s, LastClauseStart(s, from, open), open)].Start;
                        var draft = Add(s, index, after, atStart ? QuoteKind.Direct : QuoteKind.Mixed);
                        draft.Fragments.Add(CharSpan.FromBounds(start, run.End + 1));
                        consumed.Add(r);
                        var k = after.End;
                        if (k < to && ((s.IsWord(k) && s.Word(k) is "of" or "to" or "about" or "in" or "on" or "at" or "during" or "after") || (s.IsPunct(k, ',') && s.IsWord(k + 1) && !QuoteLexicon.Participles.Contains(s.Word(k + 1)))))
                        {
                            // "“...,” he said of the Clinton campaign, “...”": a short phrase, then the quote goes on.
                            // "“...,” Beck joked, again using a Southern accent, “...”": so too a phrase set off by commas.
                            for (var j = k + 1; j < to && j <= k + (s.IsPunct(k, ',') ? 12 : 8) && s.Tokens[j].Kind != TokenKind.Open; j++)
                            {
                                if (s.IsPunct(j, ',') && j + 1 < to && s.Tokens[j + 1].Kind == TokenKind.Open)
                                {
                                    k = j;
                                    break;
                                }
                            }
                        }

                        while (k < to && (s.IsPunct(k, ',') || s.IsPunct(k, ':') || s.IsDash(k)))
                        {
                            k++;
                        }

                        if (k < to && s.Tokens[k].Kind == TokenKind.Open && s.Tokens[k].Run is var next && next >= 0)
                        {
                            // "At the moment ..." he said, "... facilities": one quote in two pieces.
                            var second = s.Runs[next];
                            var holder = draft;
                            if (!atStart && start != run.Open && s.IsCapitalized(second.OpenToken + 1) && !s.IsTitle(next))
                            {
                                // "Remarking upon her “empathy,” Starr said, “Leave aside ...”": the reported words before the
                                // attribution and the quote after it are two statements.
                                holder = Add(s, index, after, QuoteKind.Direct);
                                draft = holder;
                            }

                            holder.Fragments.Add(CharSpan.FromBounds(second.Open, second.End + 1));
                            consumed.Add(next);
                            owner = second.Closed ? owner : holder;
                        }
                        else
                        {
                            Participle(s, index, after, k, to);
                        }

                        last = draft;
                        emitted = true;
                        continue;
                    }

                    if (QuoteGrammar.TryBefore(s, from, open, out var before) && !(leading >= 0 && leading < before.CueFrom && before.CueTo < open))
                    {
                        // "declared that “I strongly support” the state's law": quoted words inside a that-clause, too.
                        var inClause = (s.IsWord(open + 1) && !s.IsCapitalized(open + 1)) || (s.IsWord(open - 1) && s.Word(open - 1) is "that");
                        if (run.Closed && open + 1 < close && inClause && HasWords(s, close + 1, to))
                        {
                            // "called it a “fundamental mistake,” made by ...": quoted words inside a longer statement.
                            if (AddStatement(s, index, before, QuoteGrammar.ContentStart(s, before.CueFrom, to), to) is not null)
                            {
                                for (var other = r; other < s.Runs.Count; other++)
                                {
                                    if (s.Runs[other].OpenToken < to)
                                    {
                                        consumed.Add(other);
                                    }
                                }

                                emitted = true;
                                continue;
                            }
                        }

                        var draft = Add(s, index, before, QuoteKind.Direct);
                        draft.Fragments.Add(runSpan);
                        consumed.Add(r);
                        if (!run.Closed)
                        {
                            owner = draft;
                        }

                        last = draft;
                        emitted = true;
                        continue;
                    }

                    if (last is not null && last.Scan == s && last.SpeakerFrom >= 0 && last.Fragments.Count > 0 && last.Fragments[0].Start >= s.Tokens[from].Start
                        && ContinuingCue(s, from, open) is var goesOn && goesOn >= 0)
                    {
                        // "“...,” Trump said before adding: “...”" / "..., he said, and then predicted: “...”": the same speaker's next quote.
                        var draft = Add(s, index, new Attribution(last.SpeakerFrom, last.SpeakerTo, goesOn, goesOn + 1, open), QuoteKind.Direct);
                        consumed.Add(r);
                        Take(draft);
                        continue;
                    }

                    if (open > from + 1 && s.IsPunct(open - 1, ':') && s.IsWord(open + 1) && s.IsCapitalized(open + 1)
                        && QuoteGrammar.TrySubject(s, LastClauseStart(s, from, open - 1), open - 1, out var subjectFrom, out var subjectTo) && IsVerbAt(s, subjectTo))
                    {
                        // "McConnell delivered a blunt message to Trump: “It's time to ...”": the subject's words after the colon.
                        var draft = Add(s, index, new Attribution(subjectFrom, subjectTo, subjectTo, subjectTo + 1, open), QuoteKind.Direct);
                        consumed.Add(r);
                        Take(draft);
                        continue;
                    }

                    if (atStart && !HasWords(s, close + 1, to))
                    {
                        // A quoted sentence on its own: it continues the quote before it, or follows a lead-in.
                        consumed.Add(r);
                        Draft? target = null;
                        if (carried is not null && r == 0)
                        {
                            target = carried;
                        }
                        else if (previousQuote is not null && r == 0 && si == 0)
                        {
                            // "“...,” Carson continued." then a paragraph that is all quote: he goes on speaking.
                            target = previousQuote;
                        }
                        else if (last is not null && last.Kind == QuoteKind.Direct)
                        {
                            target = last;
                        }
                        else if (_drafts.Count > 0 && _drafts[^1].Scan == s && _drafts[^1].SpeakerFrom >= 0)
                        {
                            // "She said the plan failed. “We tried everything.”": her words go on.
                            target = _drafts[^1];
                        }

                        if (target is not null)
                        {
                            target.Fragments.Add(runSpan);
                            if (!run.Closed)
                            {
                                owner = target;
                            }

                            emitted = true;
                            continue;
                        }

                        if (si > 0 && ShortAttribution(s, s.Sentences[si - 1]) is { } said)
                        {
                            // "Bystrom agreed. “Mainstream Republicans are running out of time.”": a subject and its verb
                            // alone in the sentence before introduce the quote.
                            var draft = Add(s, index, said, QuoteKind.Direct);
                            Take(draft);
                            continue;
                        }

                        if (leadIn is { } lead && si == 0)
                        {
                            var draft = Add(lead.Scan, index - 1, lead.A, QuoteKind.Direct);
                            Take(draft);
                            continue;
                        }

                        if (options.Unattributed)
                        {
                            var draft = new Draft { Scan = s, ParagraphIndex = index, Kind = QuoteKind.Direct };
                            draft.Fragments.Add(runSpan);
                            _drafts.Add(draft);
                            owner = run.Closed ? owner : draft;
                            emitted = true;
                        }
                    }

                    // Otherwise a quoted phrase inside a sentence: the indirect pass takes the whole statement.
                }

                if (!emitted && options.IndirectSpeech)
                {
                    var before = _drafts.Count;
                    Indirect(s, index, from, to);
                    if (_drafts.Count == before)
                    {
                        QuotedSentence(s, index, from, to);
                    }
                }
            }

            _carried = owner;
            _leadIn = LeadIn(s);
        }

        /// <summary>The attributed direct quote that ends paragraph <paramref name="paragraph"/> (its last sentence quotes and attributes), or null.</summary>
        private Draft? QuoteEndingParagraph(int paragraph)
        {
            if (paragraph < 0 || _drafts.Count == 0)
            {
                return null;
            }

            var d = _drafts[^1];
            if (d.ParagraphIndex != paragraph || d.Kind != QuoteKind.Direct || d.SpeakerFrom < 0 || d.Fragments.Count == 0)
            {
                return null;
            }

            var last = d.Scan.Sentences[^1];
            return d.Fragments[^1].End > d.Scan.Tokens[last.From].Start ? d : null;
        }

        /// <summary>A short sentence that is only an attribution: a speaker and a cue, perhaps a time ("Trump said on Tuesday."), no content of its own.</summary>
        private static bool AttributionSentence(ParagraphScan s, (int From, int To) sentence)
        {
            var (from, to) = sentence;
            if (to - from > 9 || !QuoteGrammar.TryForward(s, from, to, false, out var a))
            {
                return false;
            }

            for (var k = a.End; k < to; k++)
            {
                if (s.Tokens[k].Kind == TokenKind.Open || (s.IsWord(k) && s.Word(k) is "that" or "it" or "he" or "she" or "they" or "we"))
                {
                    return false;
                }
            }

            return to - a.End <= 4;
        }

        /// <summary>A sentence that is only a named subject and its verb ("Bystrom agreed.", "Trump went further."), or null.</summary>
        private static Attribution? ShortAttribution(ParagraphScan s, (int From, int To) sentence)
        {
            var (from, to) = sentence;
            if (to - from > 10 || s.InRun[from] >= 0 || !QuoteGrammar.TrySubject(s, from, to, out var sf, out var st) || sf != from || !IsVerbAt(s, st))
            {
                return null;
            }

            for (var k = st; k < to; k++)
            {
                if (s.Tokens[k].Kind is TokenKind.Open or TokenKind.Close)
                {
                    return null;
                }
            }

            return to - st <= 4 && s.Tokens[to - 1].Kind == TokenKind.Punct ? new Attribution(sf, st, st, st + 1, st + 1) : null;
        }

        private static int LeadingCue(ParagraphScan s, int from, int to)
        {
            for (var c = from; c < to; c++)
            {
                if (s.InRun[c] < 0 && QuoteGrammar.IsCue(s, c) && QuoteGrammar.TrySpeakerBefore(s, c, from, out _, out _))
                {
                    return c;
                }
            }

            return -1;
        }

        /// <summary>"on Fox News Channel’s “Hannity,”": one capitalised quoted word after a possessive or a preposition names a show or a work.</summary>
        private static bool NamedShow(ParagraphScan s, QuotedRun run)
        {
            var open = run.OpenToken;
            if (run.CloseToken - open > 3 || !s.IsCapitalized(open + 1) || !s.IsWord(open - 1))
            {
                return false;
            }

            var before = s.Word(open - 1);
            return before.EndsWith("'s", StringComparison.Ordinal) || before.EndsWith("\u2019s", StringComparison.Ordinal) || before is "on" or "in" or "of" or "titled" or "called" or "entitled";
        }

        /// <summary>"and then predicted:", "before adding," just before a quote: a cue with no subject of its own, or -1.</summary>
        private static int ContinuingCue(ParagraphScan s, int from, int open)
        {
            var j = open - 1;
            if (!(s.IsPunct(j, ':') || s.IsPunct(j, ',')))
            {
                return -1;
            }

            j--;
            if (j <= from || !(QuoteGrammar.IsCue(s, j) || (s.IsWord(j) && QuoteLexicon.Participles.Contains(s.Word(j)))))
            {
                return -1;
            }

            var k = j - 1;
            while (k > from && s.IsWord(k) && s.Word(k) is "then" or "also" or "later")
            {
                k--;
            }

            return s.IsWord(k) && s.Word(k) is "and" or "before" or "after" ? j : -1;
        }

        private static int CountWords(ParagraphScan s, int from, int to)
        {
            var n = 0;
            for (var i = from; i < to; i++)
            {
                n += s.Tokens[i].Kind == TokenKind.Word ? 1 : 0;
            }

            return n;
        }

        private static bool HasWords(ParagraphScan s, int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                if (s.Tokens[i].Kind == TokenKind.Word)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>After the last colon or semicolon before <paramref name="to"/>: what a caveat or lead-in introduces.</summary>
        private static int LastClauseStart(ParagraphScan s, int from, int to)
        {
            for (var i = to - 1; i > from; i--)
            {
                if (s.InRun[i] < 0 && (s.IsPunct(i, ':') || s.IsPunct(i, ';')))
                {
                    return i + 1;
                }
            }

            return from;
        }

        private static int FirstWordOrMark(ParagraphScan s, int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                if (s.Tokens[i].Kind != TokenKind.Punct)
                {
                    return i;
                }
            }

            return to;
        }

        private Draft Add(ParagraphScan s, int paragraph, Attribution a, QuoteKind kind)
        {
            var draft = new Draft
            {
                Scan = s,
                ParagraphIndex = paragraph,
                SpeakerFrom = a.SpeakerFrom,
                SpeakerTo = a.SpeakerTo,
                Cue = CharSpan.FromBounds(s.Tokens[a.CueFrom].Start, s.Tokens[a.CueTo - 1].End),
                Kind = kind,
            };
            _drafts.Add(draft);
            return draft;
        }

        /// <summary>"..., adding that ...": a second statement by the same speaker after an attribution.</summary>
        private void Participle(ParagraphScan s, int paragraph, Attribution a, int k, int to)
        {
            if (s.IsWord(k) && s.Word(k) is "who")
            {
                // "..., said Weaver, who added that ...": the speaker goes on in a relative clause.
                var c = k + 1;
                while (c < to && c <= k + 3 && s.IsWord(c) && QuoteLexicon.Auxiliaries.Contains(s.Word(c)) && !QuoteGrammar.IsCue(s, c))
                {
                    c++;
                }

                if (QuoteGrammar.IsCue(s, c) && QuoteGrammar.TrySpeakerBefore(s, c, s.Sentences[s.SentenceOf[k]].From, out var sf, out var st))
                {
                    var content = QuoteGrammar.ContentStart(s, c, to);
                    AddStatement(s, paragraph, new Attribution(sf, st, c, c + 1, content), content, to);
                }

                return;
            }

            while (k < to && s.IsWord(k) && QuoteLexicon.Auxiliaries.Contains(s.Word(k)))
            {
                k++;
            }

            if (!(s.IsWord(k) && QuoteLexicon.Participles.Contains(s.Word(k))))
            {
                // "... said at a rally in San Diego, adding that ...": the participle after a phrase of place or time.
                var m = k;
                while (m < to && m < k + 15 && s.Tokens[m].Kind is TokenKind.Word or TokenKind.Punct && !(s.IsPunct(m - 1, ',') && s.IsWord(m) && QuoteLexicon.Participles.Contains(s.Word(m))))
                {
                    m++;
                }

                if (!(m < to && s.IsPunct(m - 1, ',') && s.IsWord(m) && QuoteLexicon.Participles.Contains(s.Word(m))))
                {
                    return;
                }

                k = m;
            }

            var start = QuoteGrammar.ContentStart(s, k, to);
            AddStatement(s, paragraph, new Attribution(a.SpeakerFrom, a.SpeakerTo, k, k + 1, to), start, to);
        }

        private static (int From, int To) Trim(ParagraphScan s, int start, int end)
        {
            while (end > start && s.Tokens[end - 1].Kind == TokenKind.Punct)
            {
                end--;
            }

            while (start < end && s.Tokens[start].Kind == TokenKind.Punct)
            {
                start++;
            }

            return (start, end);
        }

        /// <summary>
        /// Reported content after its cue, split where the speaker goes on with a second cue ("said X and insisted
        /// that Y", "told reporters, before insisting Y"): each cue reports its own statement.
        /// </summary>
        private Draft? AddStatement(ParagraphScan s, int paragraph, Attribution a, int start, int end)
        {
            var thatClause = s.IsWord(start) && s.Word(start).Equals("that", StringComparison.OrdinalIgnoreCase);
            var participleCue = s.IsWord(a.CueFrom) && s.Word(a.CueFrom).EndsWith("ing", StringComparison.Ordinal);
            for (var m = start + 2; m < end - 1; m++)
            {
                if (s.InRun[m] >= 0 || !s.IsWord(m))
                {
                    continue;
                }

                var w = s.Word(m);
                var cue = -1;
                if (w is "and" or "but")
                {
                    var k = m + 1;
                    while (k < end && k <= m + 2 && s.IsWord(k) && QuoteLexicon.Auxiliaries.Contains(s.Word(k)) && !QuoteGrammar.IsCue(s, k))
                    {
                        k++;
                    }

                    // After "that" the content has its own subject, whose verbs may be coordinated too ("that it showed
                    // intent and indicated ..."): only a cue that opens its own content ("and insisted that") is the speaker's.
                    var opensContent = s.IsPunct(k + 1, ':') || s.IsPunct(k + 1, ',') || s.Tokens[k + 1].Kind == TokenKind.Open
                        || (s.IsWord(k + 1) && s.Word(k + 1) is "that");
                    if (k < end - 1 && (opensContent || !thatClause)
                        && ((QuoteGrammar.IsCue(s, k) && !QuoteLexicon.NounLikeCues.Contains(s.Word(k)) && !s.Word(k).EndsWith("ing", StringComparison.Ordinal))
                            || (participleCue && s.IsWord(k) && QuoteLexicon.Participles.Contains(s.Word(k)))))
                    {
                        cue = k;
                    }
                }
                else if (w is "before" && s.IsWord(m + 1) && QuoteLexicon.Participles.Contains(s.Word(m + 1)) && !(s.Word(m + 1) is "citing" or "quoting" or "referring" or "introducing" or "ruling" or "pointing") && m + 2 < end)
                {
                    cue = m + 1;
                }

                if (cue < 0)
                {
                    continue;
                }

                var first = AddIndirect(s, paragraph, a, start, m);
                var next = QuoteGrammar.ContentStart(s, cue, end);
                var second = AddStatement(s, paragraph, new Attribution(a.SpeakerFrom, a.SpeakerTo, cue, cue + 1, next), next, end);
                return first ?? second;
            }

            return AddIndirect(s, paragraph, a, start, end);
        }

        private Draft? AddIndirect(ParagraphScan s, int paragraph, Attribution a, int start, int end)
        {
            (start, end) = Trim(s, start, end);

            var words = 0;
            var marks = false;
            for (var i = start; i < end; i++)
            {
                words += s.Tokens[i].Kind == TokenKind.Word ? 1 : 0;
                marks |= s.Tokens[i].Kind is TokenKind.Open or TokenKind.Close;
            }

            if (words < 2)
            {
                return null;
            }

            var draft = Add(s, paragraph, a, marks ? QuoteKind.Mixed : QuoteKind.Indirect);
            draft.Fragments.Add(CharSpan.FromBounds(s.Tokens[start].Start, s.Tokens[end - 1].End));
            return draft;
        }

        private void Indirect(ParagraphScan s, int paragraph, int from, int to)
        {
            // "according to <speaker>"
            for (var i = from; i + 1 < to; i++)
            {
                if (s.InRun[i] >= 0 || !s.IsWord(i) || !s.Word(i).Equals("according", StringComparison.OrdinalIgnoreCase)
                    || !s.IsWord(i + 1) || !s.Word(i + 1).Equals("to", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var np = QuoteGrammar.NounPhraseForward(s, i + 2, to);
                if (np <= i + 2)
                {
                    continue;
                }

                var a = new Attribution(i + 2, np, i, i + 2, np);
                if (CountWords(s, from, i) < 4)
                {
                    var k = np;
                    while (k < to && s.Tokens[k].Kind == TokenKind.Word)
                    {
                        k++;
                    }

                    AddIndirect(s, paragraph, a, k, to);
                }
                else
                {
                    AddIndirect(s, paragraph, a, from, i);
                }

                return;
            }

            // "<content>, <speaker> said."
            for (var k = from + 3; k < to - 1; k++)
            {
                if (s.InRun[k] >= 0 || !s.IsPunct(k, ','))
                {
                    continue;
                }

                if (CountWords(s, from, k) >= 4 && QuoteGrammar.TryForward(s, k + 1, to, out var a) && ClosesStatement(s, a.End, to))
                {
                    var draft = AddIndirect(s, paragraph, a, from, k);
                    if (draft is not null && s.IsPunct(a.End, ',') && a.End + 1 < to && !QuoteLexicon.Participles.Contains(s.IsWord(a.End + 1) ? s.Word(a.End + 1) : "x"))
                    {
                        // "AT&T finished laying fiber, she said, to “make sure ...”": the statement goes on after the attribution.
                        var rest = Trim(s, a.End + 1, to);
                        if (rest.To > rest.From)
                        {
                            draft.Fragments.Add(CharSpan.FromBounds(s.Tokens[rest.From].Start, s.Tokens[rest.To - 1].End));
                        }

                        return;
                    }

                    var m = a.End;
                    while (m < to && !s.IsPunct(m, ',') && s.Tokens[m].Kind == TokenKind.Word && m < a.End + 6)
                    {
                        m++;
                    }

                    if (s.IsPunct(m, ','))
                    {
                        Participle(s, paragraph, a, m + 1, to);
                    }

                    return;
                }
            }

            // "<speaker> <cue> (that) <content>."
            for (var c = from; c < to; c++)
            {
                if (s.InRun[c] >= 0 || (c > from && s.IsWord(c - 1) && s.Word(c - 1).Equals("to", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                if (!QuoteGrammar.IsCue(s, c) && !(QuoteGrammar.IsQuotingCue(s, c) && QuotedAfter(s, c, to)))
                {
                    continue;
                }

                if (QuoteGrammar.TrySpeakerBefore(s, c, from, out var sf, out var st))
                {
                    var start = QuoteGrammar.ContentStart(s, c, to);
                    var a = new Attribution(sf, st, c, c + 1, start);

                    // "..., adding, “...”": a second statement by the same speaker ends the first.
                    for (var m = start + 2; m < to - 1; m++)
                    {
                        if (s.InRun[m] < 0 && s.IsPunct(m - 1, ',') && s.IsWord(m) && QuoteLexicon.Participles.Contains(s.Word(m)))
                        {
                            AddStatement(s, paragraph, a, start, m - 1);
                            Participle(s, paragraph, a, m, to);
                            return;
                        }
                    }

                    AddStatement(s, paragraph, a, start, to);
                    return;
                }
            }

            // "Pence went on to say ...", "Trump ..., telling ABC that ...": the sentence's subject says it.
            if (!QuoteGrammar.TrySubject(s, from, to, out var head, out var subject) || QuoteLexicon.SubjectPronouns.Contains(s.Word(head)) && !QuoteLexicon.PersonPronouns.Contains(s.Word(head)))
            {
                return;
            }

            from = head;

            var quoted = QuotedAfter(s, subject, to, 40);
            if (quoted && s.IsWord(subject) && !s.IsCapitalized(subject) && (!QuoteLexicon.FunctionWords.Contains(s.Word(subject)) || QuoteLexicon.Auxiliaries.Contains(s.Word(subject))))
            {
                // "Trump called the merger “a terrible deal”": quoted words in a sentence whose subject is named are
                // that subject's words, whatever the verb.
                var verb = subject;
                while (verb < to && s.IsWord(verb) && QuoteLexicon.Auxiliaries.Contains(s.Word(verb)))
                {
                    verb++;
                }

                if (s.IsWord(verb) && !s.IsCapitalized(verb) && !QuoteLexicon.FunctionWords.Contains(s.Word(verb)) && verb + 1 < to)
                {
                    AddStatement(s, paragraph, new Attribution(from, subject, verb, verb + 1, verb + 1), verb + 1, to);
                    return;
                }
            }

            for (var c = subject; c < to && c <= subject + 12; c++)
            {
                if (s.InRun[c] >= 0)
                {
                    continue;
                }

                var participle = s.IsPunct(c - 1, ',') && s.IsWord(c) && QuoteLexicon.Participles.Contains(s.Word(c));
                var infinitive = s.IsWord(c - 1) && s.Word(c - 1).Equals("to", StringComparison.OrdinalIgnoreCase) && QuoteGrammar.IsCue(s, c);
                var gerund = s.IsWord(c - 1) && s.Word(c - 1) is "by" or "in" && s.IsWord(c) && QuoteLexicon.Participles.Contains(s.Word(c));
                if (participle || infinitive || gerund)
                {
                    var start = QuoteGrammar.ContentStart(s, c, to);
                    AddStatement(s, paragraph, new Attribution(from, subject, c, c + 1, start), start, to);
                    return;
                }
            }
        }

        private static bool QuotedAfter(ParagraphScan s, int c, int to, int within = 12)
        {
            for (var i = c + 1; i < to && i <= c + within; i++)
            {
                if (s.Tokens[i].Kind == TokenKind.Open && !s.IsTitle(s.Tokens[i].Run))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when what follows an attribution ends the sentence or only says when, where or how it was said.</summary>
        private static bool ClosesStatement(ParagraphScan s, int end, int to)
        {
            if (end >= to || s.Tokens[end].Kind == TokenKind.Punct || CountWords(s, end, to) <= 3)
            {
                return true;
            }

            for (var j = end; j < to && j <= end + 6 && s.IsWord(j); j++)
            {
                if (s.IsWord(j) && s.Word(j) is "that" && s.InRun[j] < 0)
                {
                    // "..., her lawyer wrote in a court filing that ...": the cue's content follows it.
                    return false;
                }
            }

            var w = s.Word(end);
            return w is "on" or "in" or "at" or "during" or "to" or "after" or "before" or "while" or "when" or "about"
                or "of" or "as" or "last" or "this" or "earlier" or "later" or "recently" or "Monday" or "Tuesday"
                or "Wednesday" or "Thursday" or "Friday" or "Saturday" or "Sunday" or "yesterday" or "today" or "adding"
                or "saying" or "noting" or "in" or "told" or "from" or "with" or "via" or "through" or "reporters"
                || QuoteLexicon.Participles.Contains(w);
        }

        /// <summary>
        /// A sentence with quoted words of several words that no pattern attributed: the words are still someone's,
        /// most often the sentence's subject's; the statement is kept with that subject, or with no speaker.
        /// </summary>
        private void QuotedSentence(ParagraphScan s, int paragraph, int from, int to)
        {
            var quoted = false;
            foreach (var run in s.Runs)
            {
                if (run.Closed && run.OpenToken >= from && run.CloseToken < to && CountWords(s, run.OpenToken, run.CloseToken) >= MinQuotedWords && !s.IsTitle(s.Tokens[run.OpenToken].Run))
                {
                    quoted = true;
                }
            }

            if (!quoted)
            {
                return;
            }

            var (start, end) = Trim(s, from, to);
            if (start >= end)
            {
                return;
            }

            Draft draft;
            if (QuoteGrammar.TrySubject(s, from, to, out var sf, out var st) && IsVerbAt(s, st) && !IsCalendarWord(s.Word(st - 1)))
            {
                draft = new Draft { Scan = s, ParagraphIndex = paragraph, SpeakerFrom = sf, SpeakerTo = st, Kind = QuoteKind.Mixed, Cue = st < to ? CharSpan.FromBounds(s.Tokens[st].Start, s.Tokens[st].End) : null };
            }
            else if (_drafts.Count > 0 && _drafts[^1].Scan == s && _drafts[^1].SpeakerFrom >= 0)
            {
                // Nobody named in the sentence: the speaker of the paragraph's statement before it goes on.
                var prev = _drafts[^1];
                draft = new Draft { Scan = s, ParagraphIndex = paragraph, SpeakerFrom = prev.SpeakerFrom, SpeakerTo = prev.SpeakerTo, Kind = QuoteKind.Mixed, Cue = prev.Cue };
            }
            else
            {
                // With nobody to attribute them to, quoted words may be a title or a slogan: not reported.
                return;
            }

            draft.Fragments.Add(CharSpan.FromBounds(s.Tokens[start].Start, s.Tokens[end - 1].End));
            _drafts.Add(draft);
        }

        /// <summary>A subject is only a subject when a verb follows it ("More than", "Frustrations at" are not).</summary>
        private static bool IsVerbAt(ParagraphScan s, int i)
        {
            if (!s.IsWord(i) || s.IsCapitalized(i))
            {
                return false;
            }

            var w = s.Word(i);
            return QuoteLexicon.Auxiliaries.Contains(w) || w is "is" or "was" or "were" or "are" || !QuoteLexicon.FunctionWords.Contains(w);
        }

        private static bool IsCalendarWord(ReadOnlySpan<char> w) =>
            w is "January" or "February" or "March" or "April" or "May" or "June" or "July" or "August" or "September"
                or "October" or "November" or "December" or "Monday" or "Tuesday" or "Wednesday" or "Thursday" or "Friday"
                or "Saturday" or "Sunday";

        /// <summary>How many quoted words make a sentence with a named subject that subject's statement.</summary>
        private const int MinQuotedWords = 1;

        /// <summary>"He said:" at the end of a paragraph: an attribution whose quote starts the next paragraph.</summary>
        private static (ParagraphScan, Attribution)? LeadIn(ParagraphScan s)
        {
            if (s.Tokens.Count < 2 || !s.IsPunct(s.Tokens.Count - 1, ':'))
            {
                return null;
            }

            var (from, to) = s.Sentences[^1];
            for (var c = to - 2; c >= from; c--)
            {
                if (s.InRun[c] >= 0 || !QuoteGrammar.IsCue(s, c))
                {
                    continue;
                }

                if (QuoteGrammar.TrySpeakerBefore(s, c, from, out var sf, out var st))
                {
                    return (s, new Attribution(sf, st, c, c + 1, to));
                }

                var np = QuoteGrammar.NounPhraseForward(s, c + 1, to);
                if (np > c + 1)
                {
                    return (s, new Attribution(c + 1, np, c, c + 1, to));
                }
            }

            // "Stated Stone:": the cue opens the sentence.
            if (s.IsWord(from) && s.IsCapitalized(from) && QuoteLexicon.Cues.Contains(s.Word(from)))
            {
                var np = QuoteGrammar.NounPhraseForward(s, from + 1, to);
                if (np > from + 1 && np >= to - 1)
                {
                    return (s, new Attribution(from + 1, np, from, from + 1, to));
                }
            }

            // "Cruz called them on it:": a named subject and its verb introduce what follows.
            var clause = LastClauseStart(s, from, to - 1);
            if (to - clause <= 12 && QuoteGrammar.TrySubject(s, clause, to, out var subjectFrom, out var subjectTo) && IsVerbAt(s, subjectTo) && s.IsCapitalized(subjectFrom))
            {
                return (s, new Attribution(subjectFrom, subjectTo, subjectTo, subjectTo + 1, to));
            }

            return null;
        }

        public ImmutableArray<Quote> Finish(Article? article)
        {
            SpeakerTracer.Trace(_drafts.Select(d => new SpeakerTracer.Mention(d.Scan, d.ParagraphIndex, d.SpeakerFrom, d.SpeakerTo, n => d.Name = n)).ToList(), _scans);
            var quotes = new List<Quote>(_drafts.Count);
            foreach (var d in _drafts)
            {
                if (d.Fragments.Count == 0)
                {
                    continue;
                }

                var fragments = d.Fragments.OrderBy(f => f.Start).ToImmutableArray();
                var speaker = d.Speaker;
                var name = d.Name ?? speaker;
                string? speakerName = null;
                if (article is not null && options.SpeakerResolver is { } resolver && name is { } n)
                {
                    speakerName = resolver.Resolve(article, n);
                }

                speakerName ??= name is { } nm && !QuoteLexicon.SubjectPronouns.Contains(text.AsSpan(nm.Start, nm.Length)) ? SpeakerTracer.NameText(text, nm) : null;
                quotes.Add(new Quote
                {
                    Content = CharSpan.FromBounds(fragments[0].Start, fragments[^1].End),
                    Fragments = fragments,
                    Speaker = speaker,
                    SpeakerAntecedent = d.Name is { } ante && speaker is { } sp && ante != sp ? ante : null,
                    Cue = d.Cue,
                    Kind = d.Kind,
                    SpeakerName = speakerName,
                });
            }

            return [.. quotes.OrderBy(q => q.Content.Start).ThenBy(q => q.Content.Length)];
        }
    }
}
