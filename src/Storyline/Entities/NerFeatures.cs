using Storyline.Text;

namespace Storyline.Entities;

/// <summary>A text to tag: its tokens and sentences (spans), tagged together so features can look across sentences.</summary>
internal sealed class NerDocument
{
    public NerDocument(string text, Token[] tokens, Sentence[] sentences)
    {
        Text = text;
        Tokens = tokens;
        Sentences = sentences;
    }

    public string Text { get; }

    public Token[] Tokens { get; }

    public Sentence[] Sentences { get; }

    /// <summary>A document made of already-tokenised sentences (CoNLL): words joined by spaces, sentences by newlines.</summary>
    public static NerDocument FromWords(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var sb = new System.Text.StringBuilder();
        var tokens = new List<Token>();
        var spans = new List<Sentence>();
        foreach (var words in sentences)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            var first = tokens.Count;
            var start = sb.Length;
            for (var i = 0; i < words.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(' ');
                }

                tokens.Add(new Token(sb.Length, words[i].Length));
                sb.Append(words[i]);
            }

            spans.Add(new Sentence(start, sb.Length - start, first, words.Count));
        }

        return new NerDocument(sb.ToString(), [.. tokens], [.. spans]);
    }

    /// <summary>A document of free text, tokenised and split here.</summary>
    public static NerDocument FromText(string text)
    {
        var sentences = SentenceSplitter.Split(text, out var tokens);
        return new NerDocument(text, [.. tokens], [.. sentences]);
    }
}

/// <summary>
/// Turns the tokens of a document into hashed features: the word and its folded form, shape, affixes,
/// neighbours, position in the sentence, whether the sentence is a headline in capitals, gazetteer membership,
/// how the same word is written elsewhere in the document and the words (and kinds of words) around its other
/// occurrences there, common first names, and its usual type, alone and in multi-word names, in tagged unlabeled
/// news. Immutable and thread-safe.
/// </summary>
internal sealed class NerFeatures
{
    // Template ids: mixed into every feature hash so that the same value in two templates differs.
    internal const ulong TBias = 1, TWord = 2, TLower = 3, TShape = 4, TPrefix = 5, TSuffix = 6, TPrevLower = 7,
        TNextLower = 8, TPrev2Lower = 9, TNext2Lower = 10, TPrevCur = 11, TCurNext = 12, TShapePrevCur = 13,
        TShapeCurNext = 14, TShape3 = 15, TFirst = 16, TCapsLower = 17, TGaz = 18, TGazShape = 19, TDocCase = 20,
        TDocCaseShape = 21, TPrevShape = 22, TNextShape = 23, TPrevWordCur = 24, TLength = 25, TGazPrev = 26,
        TGazNext = 27, TCase = 28, TCaseShape = 29, TCasePrev = 30, TCaseNext = 31, THistMajor = 32, THistAny = 33, THistMajorShape = 34, THistPrev = 35, THistNext = 36, TFine = 37, TCoarse = 38, TFinePrev = 39, TFineNext = 40, TCoarsePrev = 41, TCoarseNext = 42, TFineShape = 43, TFinest = 44, TCoarsest = 45, TFinestShape = 46, TFinestPrev = 47, TFinestNext = 48, TAggPrev = 49, TAggNext = 50, TCorpus = 51, TCorpusShape = 52, TCorpusPrev = 53, TCorpusNext = 54, TFirstName = 55, TFirstNamePrev = 56, TFirstNameNext = 57, TPhrase = 58, TPhraseShape = 59, TAggPrevShape = 60, TAggNextShape = 61, TAggAfterFirstName = 62, THistFirst = 63, THistFirstShape = 64;

    private const ulong Boundary = 0x5bd1e995UL;

    // Other occurrences whose contexts a word aggregates: bounds the features of a name repeated all through a text.
    private const int MaxAggregated = 8;

    private readonly Gazetteer? _gazetteer;
    private readonly CasingStatistics? _casing;
    private readonly WordClusters? _clusters;
    private readonly CorpusTypes? _corpus;

    public NerFeatures(Gazetteer? gazetteer, CasingStatistics? casing, WordClusters? clusters = null, CorpusTypes? corpus = null)
    {
        _gazetteer = gazetteer;
        _casing = casing;
        _clusters = clusters;
        _corpus = corpus;
    }

    /// <summary>Per-token values computed once per document.</summary>
    internal sealed class Context
    {
        public required NerDocument Document { get; init; }

        public required ulong[] Word { get; init; }

        public required ulong[] Folded { get; init; }

        public required ulong[] Shape { get; init; }

        /// <summary>Gazetteer list bits (low 3 bits) and position (bit 4: phrase begins here; bit 5: in a phrase).</summary>
        public required byte[] Gaz { get; init; }

        /// <summary>Per token: whether its folded word is a common first name (<see cref="Gazetteer.IsFirstName"/>).</summary>
        public required bool[] FirstName { get; init; }

        /// <summary>1 when the token's sentence is written in capitals (a headline).</summary>
        public required bool[] CapsSentence { get; init; }

        /// <summary>How the folded word is written elsewhere in the document: bit 1 capitalised mid-sentence, bit 2 lower case.</summary>
        public required Dictionary<ulong, byte> DocCase { get; init; }

        /// <summary>The folded words before and after each token in its sentence (a boundary value at the edges).</summary>
        public required ulong[] PrevFolded { get; init; }

        /// <inheritdoc cref="PrevFolded"/>
        public required ulong[] NextFolded { get; init; }

        /// <summary>The shapes of the words before and after each token in its sentence (a boundary value at the edges).</summary>
        public required ulong[] PrevShape { get; init; }

        /// <inheritdoc cref="PrevShape"/>
        public required ulong[] NextShape { get; init; }

        /// <summary>Per token: whether the word before it in its sentence is a common first name.</summary>
        public required bool[] AfterFirstName { get; init; }

        /// <summary>Where each capitalised word (folded) occurs in the document, in order.</summary>
        public required Dictionary<ulong, List<int>> Occurrences { get; init; }

        /// <summary>Casing bucket of each token in unlabeled news (<see cref="CasingStatistics"/>); null without the table.</summary>
        public byte[]? Casing { get; init; }

        /// <summary>Each token's code in <see cref="CorpusTypes"/>; null without the table.</summary>
        public byte[]? Corpus { get; init; }

        /// <summary>
        /// Per token: the code of the longest multi-word name of <see cref="CorpusTypes"/> it is part of, times 4, plus
        /// its place there (1 first, 2 inside, 3 last); 0 outside any. Null without the table.
        /// </summary>
        public int[]? Phrase { get; init; }

        /// <summary>Word classes of each token at four granularities (<see cref="WordClusters"/>); null without the table.</summary>
        public (ushort Fine, ushort Coarse, ushort Finest, ushort Coarsest)[]? Clusters { get; init; }

        /// <summary>
        /// For the second pass: per token, the majority label type (1 + type, 5 for O; 0 when the word occurs nowhere
        /// else) over the other occurrences of the same capitalised word in the document, as the first pass tagged them.
        /// </summary>
        public byte[]? HistoryMajor { get; set; }

        /// <summary>For the second pass: per token, a bit for each type the first pass gave other occurrences of the word.</summary>
        public byte[]? HistoryAny { get; set; }

        /// <summary>
        /// For the second pass: per token, the type (as <see cref="HistoryMajor"/>) the first pass gave the word's first
        /// occurrence in the document's running text (not a headline in capitals), where news introduces a name in full
        /// ("Microsoft Corp.", "Peter Cofinec"); 0 at that occurrence itself and for words it does not have.
        /// </summary>
        public byte[]? HistoryFirst { get; set; }
    }

    /// <summary>Sets the second pass's document-history values from the first pass's labels.</summary>
    public static void SetHistory(Context ctx, ReadOnlySpan<int> labels)
    {
        var doc = ctx.Document;
        var n = doc.Tokens.Length;
        var counts = new Dictionary<ulong, int[]>();
        for (var i = 0; i < n; i++)
        {
            if (!IsCapitalised(doc, i))
            {
                continue;
            }

            if (!counts.TryGetValue(ctx.Folded[i], out var c))
            {
                c = new int[5];
                counts[ctx.Folded[i]] = c;
            }

            c[labels[i] == NerLabels.Outside ? 4 : (int)NerLabels.TypeOf(labels[i])]++;
        }

        var major = new byte[n];
        var any = new byte[n];
        var firstSeen = new Dictionary<ulong, (int Index, int Type)>();
        for (var i = 0; i < n; i++)
        {
            // A headline in capitals is no introduction: the first mention in running text is.
            if (IsCapitalised(doc, i) && !ctx.CapsSentence[i] && !firstSeen.ContainsKey(ctx.Folded[i]))
            {
                firstSeen[ctx.Folded[i]] = (i, labels[i] == NerLabels.Outside ? 4 : (int)NerLabels.TypeOf(labels[i]));
            }
        }

        var firstType = new byte[n];
        for (var i = 0; i < n; i++)
        {
            if (!IsCapitalised(doc, i) || !counts.TryGetValue(ctx.Folded[i], out var c))
            {
                continue;
            }

            var own = labels[i] == NerLabels.Outside ? 4 : (int)NerLabels.TypeOf(labels[i]);
            if (firstSeen.TryGetValue(ctx.Folded[i], out var f) && f.Index != i)
            {
                firstType[i] = (byte)(f.Type + 1);
            }

            var best = -1;
            var bestCount = 0;
            byte bits = 0;
            for (var k = 0; k < 5; k++)
            {
                var others = c[k] - (k == own ? 1 : 0);
                if (others > 0)
                {
                    bits |= (byte)(1 << k);
                }

                if (others > bestCount)
                {
                    best = k;
                    bestCount = others;
                }
            }

            major[i] = (byte)(best + 1);
            any[i] = bits;
        }

        ctx.HistoryMajor = major;
        ctx.HistoryAny = any;
        ctx.HistoryFirst = firstType;
    }

    private static bool IsCapitalised(NerDocument doc, int i)
    {
        var t = doc.Tokens[i].In(doc.Text);
        return t.Length > 1 && char.IsUpper(t[0]);
    }

    public Context Prepare(NerDocument document)
    {
        var text = document.Text.AsSpan();
        var n = document.Tokens.Length;
        var word = new ulong[n];
        var folded = new ulong[n];
        var shape = new ulong[n];
        var caps = new bool[n];
        var docCase = new Dictionary<ulong, byte>();
        var prevFolded = new ulong[n];
        var nextFolded = new ulong[n];
        var prevShape = new ulong[n];
        var nextShape = new ulong[n];
        var occurrences = new Dictionary<ulong, List<int>>();
        for (var i = 0; i < n; i++)
        {
            var t = document.Tokens[i].In(text);
            word[i] = FeatureHash.Of(t);
            folded[i] = FeatureHash.OfFolded(t);
            shape[i] = ShapeHash(t);
        }

        foreach (var s in document.Sentences)
        {
            var upper = 0;
            var lower = 0;
            for (var k = s.FirstToken; k < s.FirstToken + s.TokenCount; k++)
            {
                foreach (var c in document.Tokens[k].In(text))
                {
                    if (char.IsUpper(c))
                    {
                        upper++;
                    }
                    else if (char.IsLower(c))
                    {
                        lower++;
                    }
                }
            }

            var isCaps = upper >= 4 && lower * 4 < upper;
            for (var k = s.FirstToken; k < s.FirstToken + s.TokenCount; k++)
            {
                caps[k] = isCaps;
                prevFolded[k] = k > s.FirstToken ? folded[k - 1] : Boundary;
                nextFolded[k] = k + 1 < s.FirstToken + s.TokenCount ? folded[k + 1] : Boundary;
                prevShape[k] = k > s.FirstToken ? shape[k - 1] : Boundary;
                nextShape[k] = k + 1 < s.FirstToken + s.TokenCount ? shape[k + 1] : Boundary;
                if (IsCapitalised(document, k))
                {
                    if (!occurrences.TryGetValue(folded[k], out var list))
                    {
                        list = [];
                        occurrences[folded[k]] = list;
                    }

                    list.Add(k);
                }

                if (isCaps || k == s.FirstToken)
                {
                    continue;
                }

                var t = document.Tokens[k].In(text);
                if (char.IsLetter(t[0]))
                {
                    var bit = char.IsUpper(t[0]) ? (byte)1 : (byte)2;
                    docCase[folded[k]] = (byte)(docCase.GetValueOrDefault(folded[k]) | bit);
                }
            }
        }

        var gaz = new byte[n];
        var firstName = new bool[n];
        var afterFirstName = new bool[n];
        if (_gazetteer is { } g)
        {
            for (var i = 0; i < n; i++)
            {
                firstName[i] = g.IsFirstName(folded[i]);
            }

            foreach (var s in document.Sentences)
            {
                for (var k = s.FirstToken + 1; k < s.FirstToken + s.TokenCount; k++)
                {
                    afterFirstName[k] = firstName[k - 1];
                }
            }

            foreach (var s in document.Sentences)
            {
                var end = s.FirstToken + s.TokenCount;
                for (var i = s.FirstToken; i < end; i++)
                {
                    var t = document.Tokens[i].In(text);
                    if (!char.IsLetter(t[0]))
                    {
                        continue;
                    }

                    ulong h = 0;
                    var bestLen = 0;
                    var bestLists = GazetteerList.None;
                    for (var len = 1; len <= g.MaxTokens && i + len <= end; len++)
                    {
                        h = Gazetteer.PhraseHash(h, folded[i + len - 1]);
                        var lists = g.Lookup(h);
                        if (lists != GazetteerList.None)
                        {
                            bestLen = len;
                            bestLists = lists;
                        }
                    }

                    if (bestLen > 0)
                    {
                        gaz[i] |= (byte)((byte)bestLists | 8);
                        for (var k = i + 1; k < i + bestLen; k++)
                        {
                            gaz[k] |= (byte)((byte)bestLists | 16);
                        }
                    }
                }
            }
        }

        byte[]? casing = null;
        if (_casing is { } cs)
        {
            casing = new byte[n];
            for (var i = 0; i < n; i++)
            {
                casing[i] = cs.Bucket(folded[i]);
            }
        }

        (ushort Fine, ushort Coarse, ushort Finest, ushort Coarsest)[]? clusters = null;
        if (_clusters is { } wc)
        {
            clusters = new (ushort, ushort, ushort, ushort)[n];
            for (var i = 0; i < n; i++)
            {
                clusters[i] = wc.Of(folded[i]);
            }
        }

        byte[]? corpus = null;
        int[]? phrase = null;
        if (_corpus is { } ct)
        {
            corpus = new byte[n];
            for (var i = 0; i < n; i++)
            {
                corpus[i] = ct.Of(folded[i]);
            }

            if (ct.HasPhrases)
            {
                phrase = new int[n];
                foreach (var s in document.Sentences)
                {
                    var end = s.FirstToken + s.TokenCount;
                    for (var i = s.FirstToken; i < end; i++)
                    {
                        if (!IsCapitalised(document, i))
                        {
                            continue;
                        }

                        ulong h = 0;
                        var bestLen = 0;
                        byte bestCode = 0;
                        for (var len = 1; len <= CorpusTypes.MaxPhraseTokens && i + len <= end; len++)
                        {
                            h = Gazetteer.PhraseHash(h, folded[i + len - 1]);
                            if (len >= 2 && ct.OfPhrase(h) is var code and not 0)
                            {
                                bestLen = len;
                                bestCode = code;
                            }
                        }

                        if (bestLen == 0)
                        {
                            continue;
                        }

                        for (var k = i; k < i + bestLen; k++)
                        {
                            var place = k == i ? 1 : k == i + bestLen - 1 ? 3 : 2;
                            phrase[k] = Math.Max(phrase[k], (bestCode * 4) + place);
                        }

                        i += bestLen - 1;
                    }
                }
            }
        }

        return new Context { Document = document, Word = word, Folded = folded, Shape = shape, Gaz = gaz, FirstName = firstName, AfterFirstName = afterFirstName, PrevShape = prevShape, NextShape = nextShape, CapsSentence = caps, DocCase = docCase, Casing = casing, Clusters = clusters, PrevFolded = prevFolded, NextFolded = nextFolded, Occurrences = occurrences, Corpus = corpus, Phrase = phrase };
    }

    /// <summary>Appends the features of token <paramref name="i"/> of sentence <paramref name="s"/> to <paramref name="output"/>.</summary>
    public void Extract(Context ctx, Sentence s, int i, List<ulong> output)
    {
        var doc = ctx.Document;
        var text = doc.Text.AsSpan();
        var first = s.FirstToken;
        var end = s.FirstToken + s.TokenCount;
        var token = doc.Tokens[i].In(text);
        var w = ctx.Word[i];
        var l = ctx.Folded[i];
        var sh = ctx.Shape[i];
        var lp = ctx.PrevFolded[i];
        var ln = ctx.NextFolded[i];
        var lp2 = i - 1 > first ? ctx.Folded[i - 2] : Boundary;
        var ln2 = i + 2 < end ? ctx.Folded[i + 2] : Boundary;
        var sp = i > first ? ctx.Shape[i - 1] : Boundary;
        var sn = i + 1 < end ? ctx.Shape[i + 1] : Boundary;
        var wp = i > first ? ctx.Word[i - 1] : Boundary;

        output.Add(TBias);
        output.Add(FeatureHash.Mix(TWord, w));
        output.Add(FeatureHash.Mix(TLower, l));
        output.Add(FeatureHash.Mix(TShape, sh));
        output.Add(FeatureHash.Mix(TLength, (ulong)Math.Min(token.Length, 12)));
        var maxAffix = Math.Min(4, token.Length - 1);
        for (var k = 1; k <= maxAffix; k++)
        {
            output.Add(FeatureHash.Mix(TPrefix, FeatureHash.OfFolded(token[..k])));
            output.Add(FeatureHash.Mix(TSuffix, FeatureHash.OfFolded(token[^k..])));
        }

        output.Add(FeatureHash.Mix(TPrevLower, lp));
        output.Add(FeatureHash.Mix(TNextLower, ln));
        output.Add(FeatureHash.Mix(TPrev2Lower, lp2));
        output.Add(FeatureHash.Mix(TNext2Lower, ln2));
        output.Add(FeatureHash.Mix(TPrevCur, lp, l));
        output.Add(FeatureHash.Mix(TCurNext, l, ln));
        output.Add(FeatureHash.Mix(TPrevShape, sp));
        output.Add(FeatureHash.Mix(TNextShape, sn));
        output.Add(FeatureHash.Mix(TShapePrevCur, sp, sh));
        output.Add(FeatureHash.Mix(TShapeCurNext, sh, sn));
        output.Add(FeatureHash.Mix(FeatureHash.Mix(TShape3, sp), sh, sn));
        output.Add(FeatureHash.Mix(TPrevWordCur, wp, w));
        if (i == first)
        {
            output.Add(FeatureHash.Mix(TFirst, sh));
        }

        if (ctx.CapsSentence[i])
        {
            output.Add(FeatureHash.Mix(TCapsLower, l));
        }

        var gz = ctx.Gaz[i];
        if (gz != 0)
        {
            output.Add(FeatureHash.Mix(TGaz, gz));
            output.Add(FeatureHash.Mix(TGazShape, gz, sh));
        }

        if (i > first && ctx.Gaz[i - 1] != 0)
        {
            output.Add(FeatureHash.Mix(TGazPrev, ctx.Gaz[i - 1]));
        }

        if (i + 1 < end && ctx.Gaz[i + 1] != 0)
        {
            output.Add(FeatureHash.Mix(TGazNext, ctx.Gaz[i + 1]));
        }

        // A common first name, or a capitalised word after or before one ("Peter Skrzynecki"): person names the
        // training data does not hold.
        if (ctx.FirstName[i])
        {
            output.Add(FeatureHash.Mix(TFirstName, sh));
        }

        if (i > first && ctx.FirstName[i - 1])
        {
            output.Add(FeatureHash.Mix(TFirstNamePrev, sh, sp));
        }

        if (i + 1 < end && ctx.FirstName[i + 1])
        {
            output.Add(FeatureHash.Mix(TFirstNameNext, sh, sn));
        }

        if (ctx.Casing is { } cb)
        {
            output.Add(FeatureHash.Mix(TCase, cb[i]));
            output.Add(FeatureHash.Mix(TCaseShape, cb[i], sh));
            output.Add(FeatureHash.Mix(TCasePrev, i > first ? cb[i - 1] : 9UL));
            output.Add(FeatureHash.Mix(TCaseNext, i + 1 < end ? cb[i + 1] : 9UL));
        }

        if (ctx.Clusters is { } wcl)
        {
            var (fine, coarse, finest, coarsest) = wcl[i];
            const ulong None = 0xFFFF;
            output.Add(FeatureHash.Mix(TFine, fine));
            output.Add(FeatureHash.Mix(TCoarse, coarse));
            output.Add(FeatureHash.Mix(TFineShape, fine, sh));
            output.Add(FeatureHash.Mix(TFinePrev, i > first ? wcl[i - 1].Fine : None));
            output.Add(FeatureHash.Mix(TFineNext, i + 1 < end ? wcl[i + 1].Fine : None));
            output.Add(FeatureHash.Mix(TCoarsePrev, i > first ? wcl[i - 1].Coarse : None));
            output.Add(FeatureHash.Mix(TCoarseNext, i + 1 < end ? wcl[i + 1].Coarse : None));
            if (finest != 0)
            {
                output.Add(FeatureHash.Mix(TFinest, finest));
                output.Add(FeatureHash.Mix(TCoarsest, coarsest));
                output.Add(FeatureHash.Mix(TFinestShape, finest, sh));
                output.Add(FeatureHash.Mix(TFinestPrev, i > first ? wcl[i - 1].Finest : None));
                output.Add(FeatureHash.Mix(TFinestNext, i + 1 < end ? wcl[i + 1].Finest : None));
            }
        }

        AddAggregatedContext(ctx, i, output);
        if (ctx.Corpus is { } ct)
        {
            output.Add(FeatureHash.Mix(TCorpus, ct[i]));
            output.Add(FeatureHash.Mix(TCorpusShape, ct[i], sh));
            output.Add(FeatureHash.Mix(TCorpusPrev, i > first ? ct[i - 1] : 99UL));
            output.Add(FeatureHash.Mix(TCorpusNext, i + 1 < end ? ct[i + 1] : 99UL));
        }

        if (ctx.Phrase is { } ph && ph[i] != 0)
        {
            output.Add(FeatureHash.Mix(TPhrase, (ulong)ph[i]));
            output.Add(FeatureHash.Mix(TPhraseShape, (ulong)ph[i], sh));
        }

        // A word capitalised only because it opens a sentence or sits in a headline: how does the rest of the
        // document write it?
        if (char.IsLetter(token[0]) && (i == first || ctx.CapsSentence[i]))
        {
            var dc = ctx.DocCase.GetValueOrDefault(l);
            output.Add(FeatureHash.Mix(TDocCase, dc));
            output.Add(FeatureHash.Mix(TDocCaseShape, dc, sh));
        }
    }

    /// <summary>
    /// Context aggregation (Ratinov and Roth 2009): the words around the other occurrences of a capitalised word in
    /// the document, so "Leeds" in a bare headline learns from "beat Leeds 2-1" further down.
    /// </summary>
    private static void AddAggregatedContext(Context ctx, int i, List<ulong> output)
    {
        if (!ctx.Occurrences.TryGetValue(ctx.Folded[i], out var others) || others.Count < 2)
        {
            return;
        }

        var added = 0;
        var start = output.Count;
        foreach (var j in others)
        {
            if (j == i)
            {
                continue;
            }

            AddOnce(output, start, FeatureHash.Mix(TAggPrev, ctx.PrevFolded[j]));
            AddOnce(output, start, FeatureHash.Mix(TAggNext, ctx.NextFolded[j]));

            // The kind of word around it there, not just which: after a capitalised word or a first name, a
            // surname ("Peter Cofinec ... Cofinec"); never so, more likely a company or a place.
            AddOnce(output, start, FeatureHash.Mix(TAggPrevShape, ctx.PrevShape[j]));
            AddOnce(output, start, FeatureHash.Mix(TAggNextShape, ctx.NextShape[j]));
            if (ctx.AfterFirstName[j])
            {
                AddOnce(output, start, TAggAfterFirstName);
            }

            if (++added == MaxAggregated)
            {
                break;
            }
        }
    }

    private static void AddOnce(List<ulong> output, int from, ulong feature)
    {
        for (var k = from; k < output.Count; k++)
        {
            if (output[k] == feature)
            {
                return;
            }
        }

        output.Add(feature);
    }

    /// <summary>Appends the second pass's document-history features of token <paramref name="i"/> (after <see cref="SetHistory"/>).</summary>
    public static void ExtractHistory(Context ctx, Sentence s, int i, List<ulong> output)
    {
        if (ctx.HistoryMajor is not { } hm || ctx.HistoryAny is not { } ha)
        {
            return;
        }

        var first = s.FirstToken;
        var end = s.FirstToken + s.TokenCount;
        var sh = ctx.Shape[i];
        output.Add(FeatureHash.Mix(THistMajor, hm[i]));
        output.Add(FeatureHash.Mix(THistAny, ha[i]));
        output.Add(FeatureHash.Mix(THistMajorShape, hm[i], sh));
        output.Add(FeatureHash.Mix(THistPrev, i > first ? hm[i - 1] : 9UL));
        output.Add(FeatureHash.Mix(THistNext, i + 1 < end ? hm[i + 1] : 9UL));
        if (ctx.HistoryFirst is { } hf && hf[i] != 0)
        {
            output.Add(FeatureHash.Mix(THistFirst, hf[i]));
            output.Add(FeatureHash.Mix(THistFirstShape, hf[i], sh));
        }
    }

    /// <summary>The word's shape with runs collapsed: "Peskov" → "Xx", "U.S." → "X.X.", "1996-08-30" → "d-d-d".</summary>
    internal static ulong ShapeHash(ReadOnlySpan<char> token)
    {
        Span<char> buffer = stackalloc char[16];
        var n = 0;
        var previous = '\0';
        foreach (var c in token)
        {
            var k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'x' : c;
            if (k == previous)
            {
                continue;
            }

            previous = k;
            if (n < buffer.Length)
            {
                buffer[n++] = k;
            }
        }

        return FeatureHash.Of(buffer[..n]);
    }
}
