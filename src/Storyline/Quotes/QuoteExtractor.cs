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

            for (var si = 0; si < s.Sentences.Count; si++)
            {
                var (from, to) = s.Sentences[si];
                var emitted = false;
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

                    var endsInComma = run.Closed && close > 0 && s.Tokens[close - 1].Kind == TokenKind.Punct && s.Text[s.Tokens[close - 1].Start] is ',' or '?' or '!' or '\u2014';
                    if (run.Closed && QuoteGrammar.TryForward(s, close + 1, to, endsInComma, out var after))
                    {
                        var start = atStart ? run.Open : s.Tokens[FirstWordOrMark(s, LastClauseStart(s, from, open), open)].Start;
                        var draft = Add(s, index, after, atStart ? QuoteKind.Direct : QuoteKind.Mixed);
                        draft.Fragments.Add(CharSpan.FromBounds(start, run.End + 1));
                        consumed.Add(r);
                        var k = after.End;
                        while (k < to && (s.IsPunct(k, ',') || s.IsPunct(k, ':') || s.IsDash(k)))
                        {
                            k++;
                        }

                        if (k < to && s.Tokens[k].Kind == TokenKind.Open && s.Tokens[k].Run is var next && next >= 0)
                        {
                            // "At the moment ..." he said, "... facilities": one quote in two pieces.
                            var second = s.Runs[next];
                            draft.Fragments.Add(CharSpan.FromBounds(second.Open, second.End + 1));
                            consumed.Add(next);
                            owner = second.Closed ? owner : draft;
                        }
                        else
                        {
                            Participle(s, index, after, k, to);
                        }

                        last = draft;
                        emitted = true;
                        continue;
                    }

                    if (QuoteGrammar.TryBefore(s, from, open, out var before))
                    {
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

                    if (atStart && !HasWords(s, close + 1, to))
                    {
                        // A quoted sentence on its own: it continues the quote before it, or follows a lead-in.
                        consumed.Add(r);
                        Draft? target = null;
                        if (carried is not null && r == 0)
                        {
                            target = carried;
                        }
                        else if (last is not null && last.Kind == QuoteKind.Direct)
                        {
                            target = last;
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

                        if (leadIn is { } lead && si == 0)
                        {
                            var draft = Add(lead.Scan, index - 1, lead.A, QuoteKind.Direct);
                            draft.Fragments.Add(runSpan);
                            last = draft;
                            owner = run.Closed ? owner : draft;
                            emitted = true;
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
                    Indirect(s, index, from, to);
                }
            }

            _carried = owner;
            _leadIn = LeadIn(s);
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
            AddIndirect(s, paragraph, new Attribution(a.SpeakerFrom, a.SpeakerTo, k, k + 1, to), start, to);
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
                            AddIndirect(s, paragraph, a, start, m - 1);
                            Participle(s, paragraph, a, m, to);
                            return;
                        }
                    }

                    AddIndirect(s, paragraph, a, start, to);
                    return;
                }
            }

            // "Pence went on to say ...", "Trump ..., telling ABC that ...": the sentence's subject says it.
            if (!QuoteGrammar.TrySubject(s, from, to, out var head, out var subject) || QuoteLexicon.SubjectPronouns.Contains(s.Word(head)) && !QuoteLexicon.PersonPronouns.Contains(s.Word(head)))
            {
                return;
            }

            from = head;

            if (QuotedAfter(s, subject, to) && s.IsWord(subject) && !s.IsCapitalized(subject) && !QuoteLexicon.FunctionWords.Contains(s.Word(subject)) || (QuotedAfter(s, subject, to) && s.IsWord(subject) && QuoteLexicon.Auxiliaries.Contains(s.Word(subject))))
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
                    AddIndirect(s, paragraph, new Attribution(from, subject, verb, verb + 1, verb + 1), verb + 1, to);
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
                    AddIndirect(s, paragraph, new Attribution(from, subject, c, c + 1, start), start, to);
                    return;
                }
            }
        }

        private static bool QuotedAfter(ParagraphScan s, int c, int to)
        {
            for (var i = c + 1; i < to && i <= c + 12; i++)
            {
                if (s.Tokens[i].Kind == TokenKind.Open)
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

            var w = s.Word(end);
            return w is "on" or "in" or "at" or "during" or "to" or "after" or "before" or "while" or "when" or "about"
                or "of" or "as" or "last" or "this" or "earlier" or "later" or "recently" or "Monday" or "Tuesday"
                or "Wednesday" or "Thursday" or "Friday" or "Saturday" or "Sunday" or "yesterday" or "today" or "adding"
                or "saying" or "noting" or "in" or "told" or "from" or "with" or "via" or "through" or "reporters"
                || QuoteLexicon.Participles.Contains(w);
        }

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
