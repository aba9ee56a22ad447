namespace Storyline.Quotes;

/// <summary>An attribution found next to a quote: the speaker's and cue's tokens ([From, To)) and the token after it.</summary>
internal readonly record struct Attribution(int SpeakerFrom, int SpeakerTo, int CueFrom, int CueTo, int End);

/// <summary>
/// The few English patterns that attribute words to a speaker, read over a paragraph's tokens: a speaker noun
/// phrase (pronoun, name with its role words, or a described speaker such as "the Turkish leader") next to a cue
/// verb, in either order. Stateless.
/// </summary>
internal static class QuoteGrammar
{
    private static readonly WordSet NameJoiners = new(["of", "al", "bin", "de", "van", "von", "da", "le", "la", "del", "der", "du", "di", "y", "the", "for", "and"]);

    private static readonly WordSet PluralSources = new([
        "officials", "sources", "experts", "critics", "analysts", "aides", "advisers", "advisors", "observers",
        "supporters", "opponents", "residents", "witnesses", "police", "prosecutors", "investigators",
        "authorities", "democrats", "republicans", "people", "others", "lawmakers", "diplomats", "economists",
        "researchers", "scientists", "activists", "voters", "polls", "reports", "documents", "records", "data",
        "spokesmen", "officers", "leaders", "organizers", "strategists", "insiders", "allies", "members"]);

    private static readonly WordSet BetweenCueAndQuote = new([
        "on", "in", "at", "to", "during", "via", "after", "with", "before", "about", "of", "from", "for", "a", "an",
        "the", "his", "her", "their", "its", "statement", "interview", "speech", "tweet", "post", "letter", "email",
        "conference", "news", "press", "rally", "remarks", "comments", "earlier", "later", "recently", "last",
        "week", "month", "year", "night", "morning", "evening", "afternoon", "today", "yesterday", "then", "also",
        "simply", "flatly", "briefly", "once", "again", "written", "televised", "reporters", "journalists",
        "audience", "crowd", "supporters", "program", "show", "broadcast", "release", "message", "video",
        "radio", "television", "tv", "phone", "call", "him", "her", "them", "us", "me", "this", "that", "week's",
        "out", "up", "back", "on", "down", "forward", "aloud", "publicly", "privately", "bluntly", "simply", "it"]);

    /// <summary>True when an attribution ("he said", "said Smith", "Peskov told reporters") starts at token <paramref name="t"/>.</summary>
    public static bool StartsAttribution(ParagraphScan s, int t) => TryForward(s, t, s.Tokens.Count, out _);

    /// <summary>An attribution starting at <paramref name="t"/> (after a quote or a comma), in either order.</summary>
    public static bool TryForward(ParagraphScan s, int t, int limit, out Attribution a) => TryForward(s, t, limit, false, out a);

    /// <summary>As <see cref="TryForward(ParagraphScan, int, int, out Attribution)"/>; <paramref name="afterComma"/> when a quote ending in a comma (or ? or !) precedes, so any verb may be the cue.</summary>
    public static bool TryForward(ParagraphScan s, int t, int limit, bool afterComma, out Attribution a)
    {
        a = default;
        var i = t;
        for (var skipped = 0; skipped < 2 && i < limit && (s.IsPunct(i, ',') || s.IsDash(i)); skipped++)
        {
            i++;
        }

        if (!s.IsWord(i) || i >= limit)
        {
            return false;
        }

        // Cue first: "said Peskov", "said the spokesman" (after a comma-ended quote, any verb: "exhorted Jamie Lee Curtis").
        if (IsCue(s, i) || (afterComma && LooksLikeVerb(s, i) && (s.IsCapitalized(i + 1) || (s.IsWord(i + 1) && QuoteLexicon.Determiners.Contains(s.Word(i + 1))))))
        {
            var np = NounPhraseForward(s, i + 1, limit);
            if (np > i + 1)
            {
                a = new Attribution(i + 1, np, i, i + 1, np);
                return true;
            }

            if (s.IsWord(i + 1) && s.Word(i + 1) is "another" or "one" or "others" or "some" or "many" or "several" && (i + 2 >= limit || s.Tokens[i + 2].Kind == TokenKind.Punct))
            {
                // "“...,” tweeted another.": a pronoun-like determiner alone is the speaker.
                a = new Attribution(i + 1, i + 2, i, i + 1, i + 2);
                return true;
            }

            return false;
        }

        var end = NounPhraseForward(s, i, limit);
        if (end <= i)
        {
            return false;
        }

        var k = end;
        if (s.IsPunct(k, '('))
        {
            // "Harry M. Reid (D-Nev.) said".
            var close = k + 1;
            while (close < limit && close < k + 8 && !s.IsPunct(close, ')'))
            {
                close++;
            }

            k = s.IsPunct(close, ')') ? close + 1 : k;
        }

        if (s.IsPunct(k, ',') && s.IsWord(k + 1) && s.Word(k + 1) is "who")
        {
            // "Katie Packer, who is chairman of Our Principles PAC said": the relative clause runs up to the cue.
            for (var j = k + 2; j < limit && j <= k + 14 && s.Tokens[j].Kind != TokenKind.Open; j++)
            {
                if (IsCue(s, j) && !s.IsPunct(j - 1, ','))
                {
                    a = new Attribution(i, end, j, j + 1, j + 1);
                    return true;
                }
            }
        }

        if (s.IsPunct(k, ',') && (HasCapital(s, i, end) || s.IsCapitalized(k + 1)))
        {
            // Apposition: "Smith, the campaign's spokesman, said", "his wife, Gabriela Lazar, wrote".
            var close = -1;
            for (var j = k + 1; j < limit && j <= k + 25; j++)
            {
                if (s.IsPunct(j, ','))
                {
                    close = j;
                    break;
                }

                if (!InApposition(s, j))
                {
                    break;
                }
            }

            if (close < 0)
            {
                return false;
            }

            if (!HasCapital(s, i, end))
            {
                // "his wife, Gabriela Lazar,": the speaker is the description with the name it gives.
                end = close;
            }

            k = close + 1;
        }

        while (k < limit && s.IsWord(k) && QuoteLexicon.Auxiliaries.Contains(s.Word(k)) && !IsCue(s, k))
        {
            k++;
        }

        if (k < limit && (IsCue(s, k) || (afterComma && LooksLikeVerb(s, k))))
        {
            a = new Attribution(i, end, k, k + 1, k + 1);
            return true;
        }

        if (afterComma && k == end && s.IsWord(k) && s.Word(k) is "on" or "of" or "at" or "for" or "from" or "in" or "with" or "to")
        {
            // "“...,” a welcome message on the website reads": a phrase of place after the speaker.
            for (var j = k + 1; j < limit && j <= k + 6 && s.IsWord(j); j++)
            {
                if (IsCue(s, j) || (j > k + 2 && LooksLikeVerb(s, j) && !s.IsCapitalized(j - 1)))
                {
                    a = new Attribution(i, end, j, j + 1, j + 1);
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A role noun, also with a prefix ("co-anchor", "ex-president").</summary>
    private static bool IsRoleWord(ReadOnlySpan<char> word)
    {
        if (QuoteLexicon.RoleWords.Contains(word))
        {
            return true;
        }

        var dash = word.IndexOf('-');
        return dash is 2 or 4 && QuoteLexicon.RoleWords.Contains(word[(dash + 1)..]);
    }

    private static bool HasCapital(ParagraphScan s, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (s.IsCapitalized(i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A past or present-tense verb form ("riffed", "answers"): after a quote that ends in a comma, the verb of its attribution.</summary>
    private static bool LooksLikeVerb(ParagraphScan s, int k)
    {
        if (!s.IsWord(k) || s.IsCapitalized(k))
        {
            return false;
        }

        var w = s.Word(k);
        return IrregularPast.Contains(w)
            || (w.Length > 3 && !QuoteLexicon.FunctionWords.Contains(w) && (w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("es", StringComparison.Ordinal) || (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal))));
    }

    /// <summary>Past tenses that do not end in -ed, for "“...,” Trump shot back".</summary>
    private static readonly WordSet IrregularPast = new(["shot", "read", "wrote", "spoke", "swore", "thought", "went", "began", "sang", "cried", "shrugged", "snapped", "fired"]);

    /// <summary>A cue verb: lower-case ("Ankara Confirms Summons" is a headline, "The United States" a name), and not a noun
    /// followed by its preposition ("Turkish fears about", "reports from").</summary>
    public static bool IsCue(ParagraphScan s, int i)
    {
        if (!s.IsWord(i) || !QuoteLexicon.Cues.Contains(s.Word(i)))
        {
            return false;
        }

        // A capitalised cue is a cue only inside a sentence after a word ("Murphy ... Tweeted on Friday"), never a name or an opener.
        if (s.IsCapitalized(i) && !(i > 0 && (s.IsWord(i - 1) || s.IsPunct(i - 1, ',')) && s.Word(i).EndsWith("ed", StringComparison.Ordinal)))
        {
            return false;
        }

        return !(QuoteLexicon.NounLikeCues.Contains(s.Word(i)) && s.IsWord(i + 1) && s.Word(i + 1) is "about" or "of" or "from" or "for" or "on" or "over" or "that" or "in" or "and" or "to");
    }

    /// <summary>The end (exclusive) of a speaker noun phrase starting at <paramref name="t"/>, or <paramref name="t"/> when there is none.</summary>
    public static int NounPhraseForward(ParagraphScan s, int t, int limit)
    {
        if (!s.IsWord(t) || t >= limit)
        {
            return t;
        }

        var w = s.Word(t);
        if (QuoteLexicon.SubjectPronouns.Contains(w))
        {
            return t + 1;
        }

        var startsWithDeterminer = QuoteLexicon.Determiners.Contains(w);
        var name = s.IsCapitalized(t) && !QuoteLexicon.SentenceOpeners.Contains(w);
        if (!startsWithDeterminer && !name && QuoteLexicon.FunctionWords.Contains(w))
        {
            // "Will Estrada" is a name; "will" is not.
            return t;
        }

        var i = t;
        var capitals = 0;
        while (i < limit && s.IsWord(i) && i - t < 14)
        {
            var word = s.Word(i);
            if (i > t && IsCue(s, i))
            {
                break;
            }

            if (i > t + 1 && capitals == 0 && IrregularPast.Contains(word))
            {
                // "the editorial read": a past tense ends a described speaker.
                break;
            }

            if (i > t && QuoteLexicon.FunctionWords.Contains(word) && !(s.IsCapitalized(i) && (capitals > 0 || (startsWithDeterminer && i == t + 1 && s.IsCapitalized(i + 1)))))
            {
                var joins = NameJoiners.Contains(word) && capitals > 0
                    && (s.IsCapitalized(i + 1) || (s.IsWord(i + 1) && s.Word(i + 1) is "the" && s.IsCapitalized(i + 2)));
                if (!joins)
                {
                    break;
                }
            }

            if (s.IsCapitalized(i))
            {
                capitals++;
            }
            else if (capitals > 0 && i > t && s.IsCapitalized(i - 1) && !IsRoleWord(word) && !NameJoiners.Contains(word) && !PluralSources.Contains(word)
                && !(startsWithDeterminer && NounAfterModifier(s, i)))
            {
                // "Paul Manafort dismissed": a lower-case word after a name is its verb, unless it is a role ("Kremlin spokesman").
                break;
            }

            i++;
        }

        if (i == t || (i == t + 1 && startsWithDeterminer))
        {
            return t;
        }

        // A described speaker needs a determiner, a name or a known plural ("officials said").
        var head = s.Word(i - 1);
        if (capitals == 0 && !startsWithDeterminer && !(i <= t + 3 && (PluralSources.Contains(head) || (i == t + 1 && QuoteLexicon.RoleWords.Contains(w)))))
        {
            return t;
        }

        // "says 63 people have died": a counted phrase is what the statement is about, unless its cue follows it ("63 residents said").
        if (capitals == 0 && char.IsAsciiDigit(w[0]) && !(i < s.Tokens.Count && IsCue(s, i)))
        {
            return t;
        }

        return i;
    }

    /// <summary>"the New York businessman": a noun after a determiner and capitalised modifiers, not a verb form and not followed by an object.</summary>
    private static bool NounAfterModifier(ParagraphScan s, int i)
    {
        var w = s.Word(i);
        return !QuoteLexicon.FunctionWords.Contains(w) && !w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("ing", StringComparison.Ordinal)
            && (i + 1 >= s.Tokens.Count || !s.IsWord(i + 1) || IsCue(s, i + 1) || QuoteLexicon.Auxiliaries.Contains(s.Word(i + 1))
                || s.Word(i + 1) is "in" or "at" or "from" or "of" or "on" or "with");
    }

    /// <summary>The speaker noun phrase ending just before the cue at <paramref name="cue"/> (auxiliaries skipped), not before <paramref name="from"/>.</summary>
    public static bool TrySpeakerBefore(ParagraphScan s, int cue, int from, out int speakerFrom, out int speakerTo)
    {
        speakerFrom = speakerTo = -1;
        var i = cue - 1;
        while (i >= from && s.IsWord(i) && QuoteLexicon.Auxiliaries.Contains(s.Word(i)))
        {
            i--;
        }

        if (i < from)
        {
            return false;
        }

        if (s.IsPunct(i, ')'))
        {
            // "Harry M. Reid (D-Nev.) told": the name before the parenthesis.
            var open = i - 1;
            while (open >= from && open > i - 8 && !s.IsPunct(open, '('))
            {
                open--;
            }

            if (!s.IsPunct(open, '(') || !NounPhraseBackward(s, open - 1, from, out speakerFrom))
            {
                return false;
            }

            speakerTo = open;
            return true;
        }

        var dash = s.IsDash(i);
        while (dash && s.IsDash(i - 1))
        {
            i--;
        }

        if (s.IsPunct(i, ',') || dash)
        {
            // "Smith, a spokesman for the campaign, said" / "A former candidate -- John McCain, who lost -- said":
            // the name before the apposition, or the name it is.
            for (var j = i - 1; j >= from && j >= i - 25; j--)
            {
                if (dash ? s.IsDash(j) : s.IsPunct(j, ','))
                {
                    if (dash && s.IsCapitalized(j + 1) && NounPhraseForward(s, j + 1, i) is var inner && inner > j + 1)
                    {
                        speakerFrom = j + 1;
                        speakerTo = inner;
                        return true;
                    }

                    while (dash && s.IsDash(j - 1))
                    {
                        j--;
                    }

                    if (NounPhraseBackward(s, j - 1, from, out speakerFrom) && s.IsCapitalized(j - 1))
                    {
                        speakerTo = j;
                        return true;
                    }

                    // "Marty West, an education professor at Harvard who worked for Sen. Lamar Alexander (R-Tenn.), one of ..., called":
                    // a name opening the sentence, then its appositions.
                    var sentenceFrom = s.Sentences[s.SentenceOf[i]].From;
                    var opening = NounPhraseForward(s, sentenceFrom, i);
                    if (opening > sentenceFrom && s.IsPunct(opening, ',') && s.IsCapitalized(sentenceFrom) && !QuoteLexicon.SentenceOpeners.Contains(s.Word(sentenceFrom)) && i - opening <= 40 && !dash)
                    {
                        speakerFrom = sentenceFrom;
                        speakerTo = opening;
                        return true;
                    }

                    // "Another delegate on the Cruz slate, Jim Poolman, said": the name is the apposition.
                    if (s.IsCapitalized(i - 1) && NounPhraseBackward(s, i - 1, j + 1, out speakerFrom))
                    {
                        speakerTo = i;
                        return true;
                    }

                    return false;
                }

                if (!InApposition(s, j))
                {
                    return false;
                }
            }

            return false;
        }

        if (!s.IsWord(i))
        {
            return false;
        }

        if (s.Word(i) is "who" && RelativeAntecedent(s, i) is var antecedent && antecedent >= 0)
        {
            // "..., said Weaver, who added that ...": the relative pronoun stands for the name before it; the speaker is both.
            speakerFrom = antecedent;
            speakerTo = i + 1;
            return true;
        }

        if (QuoteLexicon.SubjectPronouns.Contains(s.Word(i)))
        {
            // "that it said" is a relative clause about a thing, rarely a speaker; keep "it" only as a subject.
            speakerFrom = i;
            speakerTo = i + 1;
            return true;
        }

        if (NounPhraseBackward(s, i, from, out speakerFrom))
        {
            speakerTo = i + 1;
            return true;
        }

        return false;
    }

    /// <summary>The first token of the noun phrase that "who" at <paramref name="who"/> refers to ("Weaver, who"), or -1.</summary>
    public static int RelativeAntecedent(ParagraphScan s, int who)
    {
        var head = s.IsPunct(who - 1, ',') ? who - 2 : who - 1;
        var from = s.Sentences[s.SentenceOf[who]].From;
        if (head < from || s.InRun[head] >= 0 || !s.IsWord(head) || QuoteLexicon.FunctionWords.Contains(s.Word(head)))
        {
            return -1;
        }

        return NounPhraseBackward(s, head, from, out var start) ? start : -1;
    }

    /// <summary>A speaker noun phrase whose last word is <paramref name="head"/>.</summary>
    public static bool NounPhraseBackward(ParagraphScan s, int head, int from, out int start)
    {
        start = -1;
        if (head < from || !s.IsWord(head))
        {
            return false;
        }

        var w = s.Word(head);
        if (QuoteLexicon.FunctionWords.Contains(w) || IsCue(s, head))
        {
            return false;
        }

        var sentenceStart = s.Sentences[s.SentenceOf[head]].From;
        var headCapital = s.IsCapitalized(head);
        if (headCapital && head == sentenceStart && QuoteLexicon.SentenceOpeners.Contains(w))
        {
            return false;
        }

        var j = head;
        var determiner = false;
        var capitals = headCapital ? 1 : 0;
        while (j - 1 >= from && head - j < 8 && s.IsWord(j - 1))
        {
            var prev = s.Word(j - 1);
            var prevIndex = j - 1;
            if (s.IsCapitalized(prevIndex))
            {
                if (prevIndex == sentenceStart && QuoteLexicon.SentenceOpeners.Contains(prev))
                {
                    break;
                }

                if (QuoteLexicon.Determiners.Contains(prev))
                {
                    j--;
                    determiner = true;
                    break;
                }

                capitals++;
                j--;
                continue;
            }

            if (QuoteLexicon.Determiners.Contains(prev))
            {
                j--;
                determiner = true;
                break;
            }

            if (QuoteLexicon.RoleWords.Contains(prev))
            {
                j--;
                continue;
            }

            if (NameJoiners.Contains(prev) && s.IsCapitalized(j) && s.IsCapitalized(j - 2) && !QuoteLexicon.Determiners.Contains(prev))
            {
                j--;
                continue;
            }

            if (!headCapital && !QuoteLexicon.FunctionWords.Contains(prev) && head - j < 3 && !IsCue(s, prevIndex) && !EndsInLy(prev))
            {
                // "the Turkish leader", "a senior official": a modifier of a described speaker.
                j--;
                continue;
            }

            break;
        }

        if (!headCapital && capitals == 0 && !determiner && !(j == head && (PluralSources.Contains(w) || QuoteLexicon.RoleWords.Contains(w))))
        {
            // A lower-case phrase that opens with neither a determiner nor a name is rarely a speaker ("reached said").
            if (!(j < head && s.IsCapitalized(j)))
            {
                return false;
            }
        }

        start = j;
        return true;
    }

    /// <summary>
    /// The subject of the sentence starting at <paramref name="from"/>: past opening words ("And then") and an opening
    /// phrase closed by a comma ("On CBS' Face the Nation the day before, she stated"). Returns false when there is none.
    /// </summary>
    public static bool TrySubject(ParagraphScan s, int from, int limit, out int subjectFrom, out int subjectTo)
    {
        subjectFrom = subjectTo = -1;
        var head = from;
        while (head < limit && s.IsWord(head) && head < from + 3 && QuoteLexicon.SentenceOpeners.Contains(s.Word(head)) && !QuoteLexicon.Determiners.Contains(s.Word(head)))
        {
            head++;
        }

        if (head < limit && head > from && !s.IsCapitalized(head) && !QuoteLexicon.PersonPronouns.Contains(s.Word(head)) && !(s.IsWord(head) && QuoteLexicon.SubjectPronouns.Contains(s.Word(head))))
        {
            // "On Tuesday, ...": an opening phrase; the subject follows its comma.
            var comma = head;
            while (comma < limit && comma <= from + 14 && !s.IsPunct(comma, ',') && s.InRun[comma] < 0)
            {
                comma++;
            }

            if (!s.IsPunct(comma, ','))
            {
                return false;
            }

            head = comma + 1;
        }
        else if (head < limit && head > from && s.IsCapitalized(head) && s.IsPunct(FirstComma(s, head, limit), ','))
        {
            // "On Monday, Trump" / "Then Trump": keep the name when no comma closes an opening phrase first.
        }

        if (head >= limit || !s.IsWord(head))
        {
            return false;
        }

        var w = s.Word(head);
        if (!(s.IsCapitalized(head) || QuoteLexicon.SubjectPronouns.Contains(w)) || (QuoteLexicon.SentenceOpeners.Contains(w) && !QuoteLexicon.Determiners.Contains(w)))
        {
            if (!(QuoteLexicon.SentenceOpeners.Contains(w) && w.Equals("it", StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        var end = NounPhraseForward(s, head, limit);
        if (end <= head)
        {
            return false;
        }

        subjectFrom = head;
        subjectTo = end;
        return true;
    }

    private static int FirstComma(ParagraphScan s, int from, int limit)
    {
        for (var i = from; i < limit; i++)
        {
            if (s.IsPunct(i, ','))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A token that can stand inside an apposition ("the president of the D.C.-based Arab American Institute").</summary>
    private static bool InApposition(ParagraphScan s, int j) =>
        s.Tokens[j].Kind is TokenKind.Word or TokenKind.Open or TokenKind.Close
        || (s.Tokens[j].Kind == TokenKind.Punct && s.Text[s.Tokens[j].Start] is not (';' or ':' or '!' or '?') && !(s.Text[s.Tokens[j].Start] == '.' && j + 1 < s.Tokens.Count && s.IsCapitalized(j + 1) && s.Tokens[j + 1].Start > s.Tokens[j].End));

    /// <summary>A cue that introduces quoted words only ("called it a “fundamental mistake”"): too common otherwise.</summary>
    public static bool IsQuotingCue(ParagraphScan s, int i) => s.IsWord(i) && (QuoteLexicon.QuotingCues.Contains(s.Word(i)) || QuoteLexicon.Participles.Contains(s.Word(i)));

    /// <summary>"issued a statement, “...”", "released a brief message: “...”": a verb of publishing a statement just before the quote.</summary>
    private static bool IssuesStatement(ParagraphScan s, int k, int open)
    {
        if (!s.IsWord(k) || !(s.Word(k) is "issued" or "released" or "sent" or "posted" or "published"))
        {
            return false;
        }

        for (var j = k + 1; j < open && j <= k + 4; j++)
        {
            if (s.IsWord(j) && s.Word(j) is "statement" or "message" or "note" or "letter" or "tweet" or "email" or "e-mail")
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsInLy(ReadOnlySpan<char> w) => w.Length > 4 && w.EndsWith("ly", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A cue just before a quote ("Peskov said: “...", "he told reporters on Tuesday, “..."): the attribution whose
    /// cue is followed only by its hearer or a short phrase of time or place before the opening mark.
    /// </summary>
    public static bool TryBefore(ParagraphScan s, int from, int open, out Attribution a)
    {
        a = default;
        if (s.IsPunct(open - 1, ':') && s.IsCapitalized(open - 2) && NounPhraseBackward(s, open - 2, from, out var nameFrom)
            && (nameFrom == from || !s.IsWord(nameFrom - 1)))
        {
            // "Donald Trump: “Appreciate the congrats ...”": a name, a colon, the words.
            a = new Attribution(nameFrom, open - 1, open - 1, open, open);
            return true;
        }

        var j = open - 1;
        for (var skipped = 0; skipped < 2 && j >= from && (s.IsPunct(j, ',') || s.IsPunct(j, ':') || s.IsDash(j)); skipped++)
        {
            j--;
        }

        for (var k = j; k >= from && j - k <= 6; k--)
        {
            if (!s.IsWord(k))
            {
                if (s.IsPunct(k, ','))
                {
                    continue;
                }

                return false;
            }

            if (IsCue(s, k) || IsQuotingCue(s, k) || IssuesStatement(s, k, open))
            {
                if (TrySpeakerBefore(s, k, from, out var sf, out var st))
                {
                    if (!IsCue(s, k) && sf > from && s.IsWord(sf - 1) && s.Word(sf - 1) is "what")
                    {
                        // "hungry for what she calls “real solutions”": a name inside a larger statement, not her statement.
                        return false;
                    }

                    a = new Attribution(sf, st, k, k + 1, open);
                    return true;
                }

                // "said Smith: “...": the speaker after the cue.
                var np = NounPhraseForward(s, k + 1, open);
                if (np > k + 1 && IsCue(s, k))
                {
                    a = new Attribution(k + 1, np, k, k + 1, open);
                    return true;
                }

                // The cue's subject is further back ("Smith, who ..., said:" / "Smith went on saying:"): the sentence's subject.
                if (TrySubject(s, from, k, out var subjectFrom, out var subjectTo))
                {
                    a = new Attribution(subjectFrom, subjectTo, k, k + 1, open);
                    return true;
                }

                return false;
            }

            var w = s.Word(k);
            if (k == j && s.IsPunct(j + 1, ':') && LooksLikeVerb(s, k))
            {
                // "then leaned in and boomed: “...": any verb before a colon that opens a quote.
                if (TrySpeakerBefore(s, k, from, out var vf, out var vt) || TrySubject(s, from, k, out vf, out vt))
                {
                    a = new Attribution(vf, vt, k, k + 1, open);
                    return true;
                }
            }

            if (!(s.IsCapitalized(k) || BetweenCueAndQuote.Contains(w) || QuoteLexicon.ObjectWords.Contains(w)))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Where reported content starts after the cue at <paramref name="cue"/>: past the hearer and a short phrase of time or place, at "that" when it follows.</summary>
    public static int ContentStart(ParagraphScan s, int cue, int to)
    {
        var k = cue + 1;
        for (var j = k; j < to && j <= cue + 8; j++)
        {
            if (s.IsWord(j) && s.Word(j).Equals("that", StringComparison.OrdinalIgnoreCase))
            {
                return j;
            }

            if (!s.IsWord(j) && !s.IsPunct(j, ','))
            {
                break;
            }

            if (s.IsWord(j) && !(s.IsCapitalized(j) || BetweenCueAndQuote.Contains(s.Word(j)) || QuoteLexicon.ObjectWords.Contains(s.Word(j)) || QuoteLexicon.Determiners.Contains(s.Word(j))))
            {
                break;
            }
        }

        if (QuoteLexicon.CuesWithHearer.Contains(s.Word(cue)))
        {
            if (s.IsWord(k) && QuoteLexicon.ObjectWords.Contains(s.Word(k)))
            {
                k++;
            }
            else if (s.IsCapitalized(k))
            {
                while (s.IsCapitalized(k) && k < to)
                {
                    k++;
                }
            }
        }

        while (k < to && (s.IsPunct(k, ',') || s.IsPunct(k, ':') || s.IsDash(k)))
        {
            k++;
        }

        return k;
    }
}
