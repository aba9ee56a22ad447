using System.Collections.Immutable;
using Storyline.Model;
using Storyline.Quotes;
using Storyline.Text;
using Storyline.Time;

namespace Storyline.Figures;

/// <summary>Settings of the <see cref="FigureExtractor"/>. Immutable.</summary>
public sealed record FigureExtractorOptions
{
    /// <summary>Names the entity behind a source's words ("The United Nations" → "United Nations"); null keeps the words.</summary>
    public ISpeakerResolver? SpeakerResolver { get; init; }

    /// <summary>Take the speaker of a quote that holds the figure as its source (quotes are found when not given).</summary>
    public bool SourcesFromQuotes { get; init; } = true;

    public static FigureExtractorOptions Default { get; } = new();
}

/// <summary>
/// Finds the figures of an article: numbers in words or numerals with what they count, the verb that says what
/// happened to it (killed, displaced, destroyed, ...), when, where, and who says so. Years, dates, times, ages,
/// durations, model numbers ("Su-24") and numbered names ("Resolution 2254") are not figures. Immutable once
/// built; thread-safe.
/// </summary>
public sealed class FigureExtractor
{
    public FigureExtractor(FigureExtractorOptions? options = null)
    {
        Options = options ?? FigureExtractorOptions.Default;
    }

    public static FigureExtractor Default { get; } = new();

    public FigureExtractorOptions Options { get; }

    /// <summary>
    /// The figures of <paramref name="article"/>, in text order. <paramref name="quotes"/> and
    /// <paramref name="dating"/> are the article's quotes and time expressions when the caller has them already;
    /// they are found when null.
    /// </summary>
    public ImmutableArray<Figure> Find(Article article, IReadOnlyList<Quote>? quotes = null, ArticleDating? dating = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = article.Text;
        var sentences = SentenceSplitter.Split(text, out var tokens);
        var view = new TokenView(text, tokens);
        dating ??= ArticleDates.Analyze(article);
        if (quotes is null && Options.SourcesFromQuotes)
        {
            quotes = new QuoteExtractor(new QuoteExtractorOptions { SpeakerResolver = Options.SpeakerResolver }).Extract(article, cancellationToken);
        }

        var times = dating.Expressions.OrderBy(e => e.Start).ToArray();
        var run = new Run(article, view, times, quotes ?? [], Options.SpeakerResolver);
        var figures = ImmutableArray.CreateBuilder<Figure>();
        foreach (var sentence in sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            run.Sentence(sentence, figures);
        }

        return figures.ToImmutable();
    }

    /// <summary>One pass over one article.</summary>
    private sealed class Run(Article article, TokenView v, TimeExpression[] times, IReadOnlyList<Quote> quotes, ISpeakerResolver? resolver)
    {
        private readonly List<Candidate> _candidates = [];
        private int _sentenceFirst;

        public void Sentence(Sentence sentence, ImmutableArray<Figure>.Builder output)
        {
            var lo = sentence.FirstToken;
            var hi = sentence.FirstToken + sentence.TokenCount;
            _sentenceFirst = lo;
            _candidates.Clear();
            for (var i = lo; i < hi; i++)
            {
                if (!NumberPhrases.CanStart(v, i) || !NumberPhrases.TryRead(v, i, lo, hi, out var phrase))
                {
                    continue;
                }

                if (!IsAmount(phrase, lo))
                {
                    i = phrase.Last;
                    continue;
                }

                _candidates.Add(Read(phrase, lo, hi));
                i = phrase.Last;
            }

            // A table row ("Photographer $2,556 $2,440 Planner $1,973"): numbers with hardly a word between them.
            if (_candidates.Count >= 4 && WordsIn(lo, hi) < 4 * _candidates.Count)
            {
                return;
            }

            BorrowLeftOutNouns();
            var sentenceSpan = new CharSpan(sentence.Start, sentence.Length);
            foreach (var c in _candidates)
            {
                if (Build(c, sentenceSpan, lo, hi) is { } figure)
                {
                    output.Add(figure);
                }
            }
        }

        private int WordsIn(int lo, int hi)
        {
            var n = 0;
            for (var k = lo; k < hi; k++)
            {
                n += v.IsWord(k) ? 1 : 0;
            }

            return n;
        }

        /// <summary>False for numbers that are not amounts: years, parts of dates and times, labels, model numbers, ids.</summary>
        private bool IsAmount(NumberPhrase p, int lo)
        {
            var core = v.Tokens[p.CoreFirst];
            if (InsideTimeExpression(core.Start, core.End))
            {
                return false;
            }

            var word = v.Lower[p.CoreFirst];
            if (p.IsNumeral && p.Unit is null && !p.HasScale && p.High is null)
            {
                var digits = word.Length;
                if (digits == 4 && word[0] is '1' or '2' && int.TryParse(word, System.Globalization.CultureInfo.InvariantCulture, out var year) && year is >= 1000 and <= 2100)
                {
                    return false;
                }

                // Ids and phone numbers: long digit runs with no grouping, or a leading zero.
                if ((digits >= 7 && !word.Contains(',', StringComparison.Ordinal)) || (digits > 1 && word[0] == '0' && word[1] != '.'))
                {
                    return false;
                }
            }

            if (p.First == p.CoreFirst && p.CoreFirst - 1 >= lo)
            {
                var before = p.CoreFirst - 1;
                var prev = v.Lower[before];
                if (FigureLexicon.NumberLabels.Contains(prev) || prev is "-" or "/" or "#" or "\u2013")
                {
                    return false;
                }

                // "Boeing 737", "Russia 1", "Windows 10": a numeral right after a name is part of the name.
                if (p.IsNumeral && v.IsCapitalised(before) && v.IsWord(before) && !FigureLexicon.PhraseStops.Contains(prev))
                {
                    return false;
                }
            }

            var after = p.Last + 1;
            if (after < v.Count)
            {
                var next = v.Lower[after];
                if (next is "/" or ":" || (next is "-" or "\u2013" && after + 1 < v.Count && v.IsWord(after + 1)))
                {
                    return false;
                }

                // Ages: "30 years old".
                if (next is "years" or "year" && after + 1 < v.Count && v.Lower[after + 1] == "old")
                {
                    return false;
                }
            }

            return true;
        }

        private bool InsideTimeExpression(int start, int end)
        {
            // Few expressions per article: a binary search for the first ending after start.
            int a = 0, b = times.Length;
            while (a < b)
            {
                var m = (a + b) / 2;
                if (times[m].End <= start)
                {
                    a = m + 1;
                }
                else
                {
                    b = m;
                }
            }

            for (var k = a; k < times.Length && times[k].Start < end; k++)
            {
                if (times[k].End > start)
                {
                    return true;
                }
            }

            return false;
        }

        private Candidate Read(NumberPhrase p, int lo, int hi)
        {
            var c = new Candidate { Phrase = p };

            // The counted noun phrase right after the number ("13 Turkish soldiers"); "40% of voters" for percentages.
            var j = p.Last + 1;
            if (p.Unit == "%" && j < hi && v.Lower[j] == "of")
            {
                j++;
                while (j < hi && v.Lower[j] is "the" or "a" or "an" or "its" or "their" or "his" or "her" or "all")
                {
                    j++;
                }
            }

            var first = j;
            FigureCategory? adjective = null;
            (int, int)? adjectiveCue = null;

            // "two wounded journalists": a cue word before a noun describes it.
            if (j + 1 < hi && CueAt(j, hi, out var adjLast, out var adjLength) is { } adj && adjLength == 1 && v.IsWord(j + 1)
                && !FigureLexicon.PhraseStops.Contains(v.Lower[j + 1]) && CueAt(j + 1, hi, out _, out _) is null)
            {
                adjective = adj;
                adjectiveCue = (j, adjLast);
                j++;
            }

            while (j < hi && j - first < 4 && IsNounPhraseWord(j, first, hi))
            {
                j++;

                // The head of an English noun phrase comes last: a plural ends it ("13 soldiers", not "13 soldiers recognize").
                if (IsPlural(v.Lower[j - 1]))
                {
                    break;
                }
            }

            // A participle or adverb does not end a noun phrase ("seven drones used", "500 people reportedly").
            while (j > first && !v.IsCapitalised(j - 1) && (v.Lower[j - 1].EndsWith("ed", StringComparison.Ordinal) || v.Lower[j - 1].EndsWith("ly", StringComparison.Ordinal))
                && !FigureLexicon.HeadCategories.ContainsKey(v.Lower[j - 1]))
            {
                j--;
            }

            if (j <= first + (adjective is null ? 0 : 1))
            {
                j = first;
                adjective = null;
            }

            if (j > first)
            {
                c.NounFirst = first;
                c.NounLast = j - 1;
            }

            if (p.Unit is not null)
            {
                c.Category = p.Unit == "%" ? FigureCategory.Percent : FigureCategory.Money;
                return c;
            }

            // What happened to them: a verb before the number ("killed 13"), then one after it ("520,000 people have been displaced").
            var left = p.First - 1;
            for (var step = 0; step < 4 && left >= lo; step++)
            {
                if (CueEndingAt(left, lo, out var cueStart) is { } category)
                {
                    c.Category = category;
                    c.Cue = (cueStart, left);
                    return c;
                }

                if (!FigureLexicon.LeftFill.Contains(v.Lower[left]))
                {
                    break;
                }

                left--;
            }

            var right = c.NounLast >= 0 ? c.NounLast + 1 : p.Last + 1;
            for (var step = 0; step < 5 && right < hi; step++)
            {
                if (CueAt(right, hi, out var cueLast, out _) is { } category)
                {
                    // "two bombings killed 34 people": a verb with its own object right after makes the number its agent.
                    if (step == 0 && !FigureLexicon.Intransitive.Contains(v.Lower[right]) && cueLast + 1 < hi
                        && (NumberPhrases.CanStart(v, cueLast + 1) || FigureLexicon.ObjectStarts.Contains(v.Lower[cueLast + 1])))
                    {
                        break;
                    }

                    c.Category = category;
                    c.Cue = (right, cueLast);
                    return c;
                }

                if (!FigureLexicon.AuxiliaryFill.Contains(v.Lower[right]))
                {
                    break;
                }

                right++;
            }

            if (c.NounLast >= 0 && FigureLexicon.HeadCategories.TryGetValue(v.Lower[c.NounLast], out var byHead))
            {
                c.Category = byHead;
                return c;
            }

            if (adjective is { } described)
            {
                c.Category = described;
                c.Cue = adjectiveCue;
                return c;
            }

            // "the death toll rose to 45"
            for (var k = p.First - 1; k >= lo && k >= p.First - 6; k--)
            {
                if (v.Lower[k] == "toll")
                {
                    c.Category = FigureCategory.Killed;
                    c.Cue = (k, k);
                    return c;
                }

                if (v.Lower[k] is "," or ";")
                {
                    break;
                }
            }

            return c;
        }

        private bool IsNounPhraseWord(int j, int first, int hi)
        {
            var w = v.Lower[j];
            if (!v.IsWord(j) || FigureLexicon.PhraseStops.Contains(w) || CueAt(j, hi, out _, out _) is not null)
            {
                return false;
            }

            // "-ing" words are verbs here ("13 people attending"), "-ly" words adverbs; a name after a common noun
            // starts something else ("two journalists Megevand-Roggo").
            if ((w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 4) || (w.EndsWith("ly", StringComparison.Ordinal) && w.Length > 4))
            {
                return false;
            }

            return j == first || !v.IsCapitalised(j) || v.IsCapitalised(j - 1);
        }

        private static bool IsPlural(string w) =>
            FigureLexicon.IrregularSingulars.ContainsKey(w) || (w.Length > 3 && w is not ("news" or "series" or "species" or "means" or "headquarters" or "sports") && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal)
                && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal));

        private FigureCategory? CueAt(int at, int hi, out int last, out int length)
        {
            foreach (var (words, category) in FigureLexicon.Cues)
            {
                if (v.Matches(words, at, 0, hi))
                {
                    last = at + words.Length - 1;
                    length = words.Length;
                    return category;
                }
            }

            last = -1;
            length = 0;
            return null;
        }

        private FigureCategory? CueEndingAt(int at, int lo, out int start)
        {
            foreach (var (words, category) in FigureLexicon.Cues)
            {
                var s = at - words.Length + 1;
                if (v.Matches(words, s, lo, at + 1))
                {
                    start = s;
                    return category;
                }
            }

            start = -1;
            return null;
        }

        /// <summary>"at least three and ... seven drones": a number without its noun shares the next (or previous) number's noun.</summary>
        private void BorrowLeftOutNouns()
        {
            for (var k = 0; k < _candidates.Count; k++)
            {
                var c = _candidates[k];
                if (c.NounLast >= 0 || c.Phrase.Unit is not null || (k + 1 < _candidates.Count && _candidates[k + 1].Phrase.First == c.Phrase.Last + 1))
                {
                    continue;
                }

                if (k + 1 < _candidates.Count && _candidates[k + 1] is { NounLast: >= 0 } next
                    && next.Phrase.First - c.Phrase.Last <= 7 && Joined(c.Phrase.Last + 1, next.Phrase.First))
                {
                    c.NounFirst = next.NounFirst;
                    c.NounLast = next.NounLast;
                    c.Borrowed = true;
                }
                else if (k > 0 && _candidates[k - 1] is { NounLast: >= 0 } prev
                    && c.Phrase.First - prev.NounLast <= 7 && Joined(prev.NounLast + 1, c.Phrase.First))
                {
                    c.NounFirst = prev.NounFirst;
                    c.NounLast = prev.NounLast;
                    c.Borrowed = true;
                }
            }
        }

        private bool Joined(int from, int to)
        {
            for (var k = from; k < to; k++)
            {
                if (v.Lower[k] is "and" or "or" or "to" or "while")
                {
                    return true;
                }
            }

            return false;
        }

        private Figure? Build(Candidate c, CharSpan sentence, int lo, int hi)
        {
            var p = c.Phrase;
            var hasNoun = c.NounLast >= 0;
            var head = hasNoun ? v.Lower[c.NounLast] : "";
            if (hasNoun && FigureLexicon.NotCounted.Contains(head) && c.Category is not (FigureCategory.Money or FigureCategory.Percent))
            {
                return null;
            }

            var isPeople = c.Category is FigureCategory.Killed or FigureCategory.Injured or FigureCategory.Missing
                or FigureCategory.Displaced or FigureCategory.Arrested or FigureCategory.Evacuated;
            // A plain count needs a plural noun: what follows a number otherwise is a verb or unit ("hundreds remain", "15 Hz").
            if (c.Category == FigureCategory.Count && (!hasNoun || p.Low < 2 || !IsPlural(head)))
            {
                return null;
            }

            if (c.Category is FigureCategory.Destroyed or FigureCategory.Downed && !hasNoun)
            {
                return null;
            }

            var start = v.Tokens[p.First].Start;
            var end = hasNoun && !c.Borrowed ? v.Tokens[c.NounLast].End : v.Tokens[p.Last].End;
            var span = CharSpan.FromBounds(start, end);
            var counted = hasNoun ? CharSpan.FromBounds(v.Tokens[c.NounFirst].Start, v.Tokens[c.NounLast].End).Of(v.Text) : "";
            var countedHead = hasNoun ? Singular(head) : isPeople ? "people" : "";
            // "hundreds of thousands of people": the value is "hundreds of thousands".
            var valueLast = p.Qualifier == FigureQualifier.Vague && v.Lower[p.Last] == "of" && p.Last > p.First ? p.Last - 1 : p.Last;
            var valueText = CharSpan.FromBounds(start, v.Tokens[valueLast].End).Of(v.Text);
            var afterFigure = hasNoun && !c.Borrowed ? c.NounLast + 1 : p.Last + 1;
            var (when, whenSpan, timex) = WhenOf(p.First, afterFigure, lo, hi);
            var (source, sourceSpan) = SourceOf(p, lo, hi);
            return new Figure
            {
                ArticleId = article.Id,
                Span = span,
                Sentence = sentence,
                Value = new FigureValue(p.Low, p.High, p.Qualifier, p.Unit, valueText),
                Category = c.Category,
                Cue = c.Cue is { } cue ? CharSpan.FromBounds(v.Tokens[cue.First].Start, v.Tokens[cue.Last].End) : null,
                Counted = counted,
                CountedHead = countedHead,
                Place = PlaceAfter(afterFigure, hi),
                When = when,
                WhenSpan = whenSpan,
                TimexValue = timex,
                Source = source,
                SourceSpan = sourceSpan,
            };
        }

        /// <summary>"in Idlib province", "across Aleppo": a named place right after the figure.</summary>
        private string? PlaceAfter(int at, int hi)
        {
            if (at + 1 >= hi || v.Lower[at] is not ("in" or "across" or "near" or "around" or "inside" or "outside"))
            {
                return null;
            }

            var k = at + 1;
            while (k < hi && v.IsWord(k) && v.IsCapitalised(k))
            {
                k++;
            }

            if (k == at + 1)
            {
                return null;
            }

            if (k < hi && FigureLexicon.PlaceNouns.Contains(v.Lower[k]))
            {
                k++;
            }

            return CharSpan.FromBounds(v.Tokens[at + 1].Start, v.Tokens[k - 1].End).Of(v.Text);
        }

        /// <summary>The time expression of the figure: the first after it in its clause, else one just before it.</summary>
        private (string? When, CharSpan? Span, string? Timex) WhenOf(int first, int after, int lo, int hi)
        {
            var sentenceStart = v.Tokens[lo].Start;
            var sentenceEnd = v.Tokens[hi - 1].End;
            var figureStart = v.Tokens[first].Start;
            var figureEnd = v.Tokens[after - 1].End;
            TimeExpression? best = null;
            foreach (var t in times)
            {
                if (t.Start < figureEnd || t.Start >= sentenceEnd)
                {
                    continue;
                }

                // Within eight tokens, no comma or semicolon between: the same clause.
                var gap = TokensBetween(after, t.Start, hi, out var broken);
                if (!broken && gap <= 8)
                {
                    best = t;
                }

                break;
            }

            if (best is null)
            {
                for (var k = times.Length - 1; k >= 0; k--)
                {
                    var t = times[k];
                    if (t.End > figureStart || t.End <= sentenceStart)
                    {
                        continue;
                    }

                    var tokenAfter = TokenIndexAt(t.End, lo, hi);
                    if (first - tokenAfter <= 3)
                    {
                        best = t;
                    }

                    break;
                }
            }

            if (best is not { } e)
            {
                return (null, null, null);
            }

            var startToken = TokenIndexAt(e.Start, lo, hi);
            var s = e.Start;
            if (startToken - 1 >= lo && FigureLexicon.TimePrepositions.Contains(v.Lower[startToken - 1]))
            {
                s = v.Tokens[startToken - 1].Start;
            }

            var span = CharSpan.FromBounds(s, e.End);
            return (span.Of(v.Text), span, e.Value);
        }

        private int TokensBetween(int fromToken, int charEnd, int hi, out bool broken)
        {
            broken = false;
            var n = 0;
            for (var k = fromToken; k < hi && v.Tokens[k].Start < charEnd; k++)
            {
                if (v.Lower[k] is "," or ";" or ":" or "\u2014")
                {
                    broken = true;
                }

                n++;
            }

            return n;
        }

        /// <summary>The first token starting at or after <paramref name="charOffset"/>.</summary>
        private int TokenIndexAt(int charOffset, int lo, int hi)
        {
            int a = lo, b = hi;
            while (a < b)
            {
                var m = (a + b) / 2;
                if (v.Tokens[m].Start < charOffset)
                {
                    a = m + 1;
                }
                else
                {
                    b = m;
                }
            }

            return a;
        }

        /// <summary>Who says so: a quote holding the figure, "according to X", "X says ...", "..., X said."</summary>
        private (string? Source, CharSpan? Span) SourceOf(NumberPhrase p, int lo, int hi)
        {
            var at = v.Tokens[p.CoreFirst].Start;
            var sentenceStart = v.Tokens[lo].Start;
            var sentenceEnd = v.Tokens[hi - 1].End;
            Quote? holding = null;
            foreach (var q in quotes)
            {
                if (q.Content.Start <= at && at < q.Content.End && q.Speaker is not null)
                {
                    holding = q;
                    if (q.Cue is { } cue && cue.Start >= sentenceStart && cue.Start < sentenceEnd)
                    {
                        return QuoteSource(q);
                    }
                }
            }

            // "according to X" anywhere in the sentence.
            for (var k = lo; k + 2 < hi; k++)
            {
                if (v.Lower[k] == "according" && v.Lower[k + 1] == "to")
                {
                    var e = k + 2;
                    while (e < hi && e - k < 10 && (v.IsCapitalised(e) || FigureLexicon.SpeakerWords.Contains(v.Lower[e])) && v.Lower[e] != ",")
                    {
                        e++;
                    }

                    if (e > k + 2)
                    {
                        return Named(k + 2, e - 1, lo);
                    }
                }
            }

            // "The United Nations says 520,000 ...": the nearest attribution verb before the figure.
            for (var k = p.First - 1; k > lo; k--)
            {
                if (FigureLexicon.AttributionVerbs.Contains(v.Lower[k]) && v.Lower[k] != "according" && SpeakerBefore(k, lo) is { } s)
                {
                    return Named(s, k - 1, lo);
                }
            }

            // "..., the ministry said." / "..., said Peskov."
            for (var k = p.Last + 1; k < hi; k++)
            {
                if (!FigureLexicon.AttributionVerbs.Contains(v.Lower[k]) || v.Lower[k] == "according")
                {
                    continue;
                }

                if (SpeakerBefore(k, lo) is { } s && s - 1 > p.Last && v.Lower[s - 1] == ",")
                {
                    return Named(s, k - 1, lo);
                }

                if (v.Lower[k - 1] == "," && k + 1 < hi && v.IsCapitalised(k + 1))
                {
                    var e = k + 1;
                    while (e < hi && v.IsWord(e) && (v.IsCapitalised(e) || FigureLexicon.SpeakerWords.Contains(v.Lower[e])))
                    {
                        e++;
                    }

                    return Named(k + 1, e - 1, lo);
                }
            }

            return holding is null ? (null, null) : QuoteSource(holding);
        }

        /// <summary>The speaker of a quote: the entity's name, else the name a pronoun stands for, else the words.</summary>
        private (string? Source, CharSpan? Span) QuoteSource(Quote q)
        {
            var speaker = q.Speaker!.Value;
            // Without a resolver the quote stage gives the speaker's words as the name ("the health ministry").
            if (q.SpeakerName is { } name && !FigureLexicon.Pronouns.Contains(name.ToLowerInvariant()))
            {
                return (Clean(name), speaker);
            }

            if (q.SpeakerAntecedent is { } antecedent)
            {
                return (resolver?.Resolve(article, antecedent) ?? Clean(antecedent.Of(v.Text)), speaker);
            }

            var first = TokenIndexAt(speaker.Start, 0, v.Count);
            if (first < v.Count && v.Tokens[first].End == speaker.End && FigureLexicon.Pronouns.Contains(v.Lower[first]) && NameBefore(first, _sentenceFirst) is { } n)
            {
                return (resolver?.Resolve(article, n) ?? n.Of(v.Text), speaker);
            }

            return (Clean(speaker.Of(v.Text)), speaker);
        }

        /// <summary>The first token of the speaker's words ending right before the verb at <paramref name="verb"/>, or null.</summary>
        private int? SpeakerBefore(int verb, int lo)
        {
            var k = verb - 1;
            if (k >= lo && FigureLexicon.Pronouns.Contains(v.Lower[k]))
            {
                return k;
            }

            var hasName = false;
            while (k >= lo && (v.IsWord(k) || v.Lower[k] is "'s" or "\u2019s") && (v.IsCapitalised(k) || FigureLexicon.SpeakerWords.Contains(v.Lower[k])))
            {
                hasName |= v.IsCapitalised(k) || v.Lower[k] is not ("the" or "of" or "'s" or "\u2019s");
                k--;
            }

            while (k + 1 < verb && v.Lower[k + 1] is "the" or "of")
            {
                k++;
            }

            return hasName && k + 1 < verb ? k + 1 : null;
        }

        private (string? Source, CharSpan? Span) Named(int first, int last, int lo)
        {
            while (first < last && v.Lower[first] == "the")
            {
                first++;
            }

            var span = CharSpan.FromBounds(v.Tokens[first].Start, v.Tokens[last].End);
            if (FigureLexicon.Pronouns.Contains(v.Lower[first]) && first == last)
            {
                // A pronoun: the name it stands for is the nearest name before it.
                var name = NameBefore(first, lo);
                if (name is { } n)
                {
                    return (resolver?.Resolve(article, n) ?? n.Of(v.Text), span);
                }
            }

            return (resolver?.Resolve(article, span) ?? Clean(span.Of(v.Text)), span);
        }

        /// <summary>The nearest run of two or more capitalised words before token <paramref name="at"/> in its sentence (from <paramref name="lo"/>), not after "the" (a name of a thing, not a person).</summary>
        private CharSpan? NameBefore(int at, int lo)
        {
            var k = at - 1;
            var stop = lo;
            while (k >= stop)
            {
                if (v.IsWord(k) && v.IsCapitalised(k))
                {
                    var end = k;
                    while (k - 1 >= stop && v.IsWord(k - 1) && v.IsCapitalised(k - 1))
                    {
                        k--;
                    }

                    if (end > k && (k == lo || v.Lower[k - 1] != "the"))
                    {
                        return CharSpan.FromBounds(v.Tokens[k].Start, v.Tokens[end].End);
                    }
                }

                k--;
            }

            return null;
        }

        private static string Clean(string words)
        {
            var s = words.Trim();
            return s.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? s[4..] : s;
        }
    }

    /// <summary>"soldiers" → "soldier", "people" → "people", "casualties" → "casualty".</summary>
    internal static string Singular(string word)
    {
        var w = word.ToLowerInvariant();
        if (FigureLexicon.IrregularSingulars.TryGetValue(w, out var irregular))
        {
            return irregular;
        }

        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            return w[..^3] + "y";
        }

        if (w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal) || w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal))
        {
            return w[..^2];
        }

        return w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && w.Length > 3 ? w[..^1] : w;
    }

    private sealed class Candidate
    {
        public NumberPhrase Phrase { get; init; }

        public int NounFirst { get; set; } = -1;

        public int NounLast { get; set; } = -1;

        public bool Borrowed { get; set; }

        public FigureCategory Category { get; set; } = FigureCategory.Count;

        public (int First, int Last)? Cue { get; set; }
    }
}
