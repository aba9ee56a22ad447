using System.Collections.Frozen;
using System.Collections.Immutable;
using Storyline.Model;
using Storyline.Text;

namespace Storyline.Entities;

/// <summary>How a mention names its entity.</summary>
public enum MentionKind
{
    /// <summary>By name ("Dmitry Peskov", "Peskov").</summary>
    Name,

    /// <summary>By a role bound to the name in the story ("the Kremlin spokesman").</summary>
    Role,

    /// <summary>By a demonym or country adjective ("Turkish" for Turkey).</summary>
    Demonym,
}

/// <summary>One mention of an entity: a span of an article's <see cref="Article.Text"/>.</summary>
public sealed record ResolvedMention(string ArticleId, int Start, int Length, string Text, MentionKind Kind);

/// <summary>
/// An entity of a set of articles: people, organisations, places and other names, each once, with every name
/// and role it goes by and where it is mentioned.
/// </summary>
public sealed record ResolvedEntity
{
    /// <summary>Stable id: 16 hex digits of a hash of the type and the canonical name's folded form.</summary>
    public required string Id { get; init; }

    /// <summary>The fullest name used ("Recep Tayyip Erdogan"); for a country, its English short name.</summary>
    public required string Name { get; init; }

    public required EntityType Type { get; init; }

    /// <summary>Every other name form met, typography folded ("Erdogan", "Tayyip Erdogan", "Erdoğan", "Turkish").</summary>
    public required ImmutableArray<string> Aliases { get; init; }

    /// <summary>Roles bound to the entity by apposition ("Kremlin spokesman", "Turkish President").</summary>
    public required ImmutableArray<string> Roles { get; init; }

    /// <summary>Mentions per article id.</summary>
    public required ImmutableSortedDictionary<string, int> MentionCounts { get; init; }

    /// <summary>Mentions in the article text (spans of <see cref="Article.Text"/>).</summary>
    public required ImmutableArray<ResolvedMention> Mentions { get; init; }

    /// <summary>
    /// Mentions in an article's dateline ("Reuters, Moscow :"), which the extractor keeps out of the text: spans of
    /// <c>Article.Dateline.Value</c>, not of the text.
    /// </summary>
    public ImmutableArray<ResolvedMention> DatelineMentions { get; init; } = [];

    /// <summary>ISO 3166-1 alpha-2 code when the entity is a country.</summary>
    public string? CountryCode { get; init; }
}

/// <summary>
/// Finds the entities of a set of articles (usually one story) and merges their mentions: by name structure
/// ("Dmitry Peskov" ⊃ "Peskov"), with titles stripped ("President Vladimir Putin"), diacritics folded
/// ("Erdoğan" = "Erdogan"), renamings stated in the text ("Astana (now Nur-Sultan)"), demonyms linked to their
/// country ("Turkish" → Turkey), and roles bound by apposition ("Kremlin spokesman Dmitry Peskov") so that a
/// later "the spokesman" in the same article (or, when only one entity holds the role, the story) refers to
/// him. Deterministic; immutable and thread-safe.
/// </summary>
public sealed class EntityResolver
{
    private static readonly Lazy<EntityResolver> LazyDefault = new(() => new EntityResolver(NerTagger.Default, Gazetteer.Default));

    /// <summary>Words that head a role ("spokesman" in "Kremlin spokesman").</summary>
    private static readonly FrozenSet<string> RoleHeads = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "spokesman", "spokeswoman", "spokesperson", "president", "minister", "leader", "envoy", "ambassador", "chief",
        "head", "secretary", "adviser", "advisor", "aide", "commander", "general", "premier", "chancellor", "king",
        "queen", "prince", "governor", "mayor", "senator", "official", "director", "chairman", "chairwoman", "ceo",
        "negotiator", "representative", "diplomat", "emir", "sheikh", "pope", "judge", "prosecutor", "lawyer",
        "analyst", "correspondent", "editor", "founder", "deputy", "colonel", "lieutenant", "captain", "sergeant",
        "admiral", "marshal", "monarch", "dictator", "strongman", "counterpart", "lawmaker", "mp", "candidate",
    ]);

    /// <summary>Words that may precede a role head inside the role ("Russian presidential", "Foreign").</summary>
    private static readonly FrozenSet<string> RoleModifiers = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "foreign", "defence", "defense", "prime", "interior", "finance", "deputy", "vice", "presidential", "former",
        "acting", "chief", "senior", "top", "press", "military", "special", "national", "security", "state",
        "general", "economy", "energy", "health", "justice", "trade", "external", "affairs", "of",
        "government", "party", "opposition", "supreme", "commander", "army", "police", "intelligence", "u.n.",
        "un", "eu", "nato", "white", "house", "pentagon", "kremlin", "ministry", "secretary", "spokesman",
    ]);

    /// <summary>Titles stripped from the front of a person's name.</summary>
    private static readonly FrozenSet<string> Titles = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "president", "prime", "minister", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "gen", "gen.",
        "general", "sen", "sen.", "senator", "rep", "rep.", "gov", "gov.", "governor", "king", "queen", "prince",
        "princess", "pope", "sheikh", "sir", "lord", "lady", "spokesman", "spokeswoman", "foreign", "chancellor",
        "premier", "ambassador", "envoy", "col", "col.", "colonel", "lt", "lt.", "capt", "capt.", "captain", "adm",
        "adm.", "admiral", "judge", "mayor", "emir", "dame", "professor", "prof", "prof.", "the",
    ]);

    private readonly NerTagger _tagger;
    private readonly Gazetteer _gazetteer;

    internal EntityResolver(NerTagger tagger, Gazetteer gazetteer)
    {
        _tagger = tagger;
        _gazetteer = gazetteer;
    }

    /// <summary>The resolver over the embedded tagger and gazetteers.</summary>
    public static EntityResolver Default => LazyDefault.Value;

    /// <summary>The entities of <paramref name="articles"/>, most mentioned first (ties by name).</summary>
    public IReadOnlyList<ResolvedEntity> Resolve(IReadOnlyList<Article> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var raw = new List<RawMention>();
        var renamings = new List<(int A, int B)>();
        var roleBindings = new List<(int Mention, string Role)>();
        var docs = new List<(Article Article, NerDocument Document)>();

        // Tagging is per article and the tagger thread-safe: done on all cores, read back in input order.
        var tagged = articles.AsParallel().AsOrdered().WithCancellation(cancellationToken).Select(article =>
        {
            var doc = NerDocument.FromText(article.Text);

            // Names tagged at ingest by this same tagger are read back instead of tagged again.
            var mentions = article.Names is { } names && ReferenceEquals(_tagger, NerTagger.Default)
                ? names.Select(n => new EntityMention(n.Start, n.Length, NerLabels.TryParseCode(n.Type, out var t) ? t : EntityType.Misc)).ToList()
                : NerTagger.Mentions(doc, _tagger.Tag(doc));
            return (doc, mentions);
        }).ToArray();
        for (var ai = 0; ai < articles.Count; ai++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var article = articles[ai];
            var (doc, mentions) = tagged[ai];
            docs.Add((article, doc));
            var found = HarmoniseLists(article.Text, JoinAdjacent(article.Text, mentions));
            var firstIndex = raw.Count;
            foreach (var m in found)
            {
                if (Clean(article, m) is { } clean)
                {
                    raw.Add(clean);
                }
            }

            FindAcronyms(article.Text, raw, firstIndex, renamings);
            FindRenamings(article.Text, raw, firstIndex, renamings);
            FindAppositions(article.Text, doc, raw, firstIndex, roleBindings);

            // The dateline names the agency and the place reported from; it stands outside the text.
            if (article.Dateline?.Value is { Length: > 0 } dateline)
            {
                var datelineDoc = NerDocument.FromText(dateline);
                var asArticle = article with { Text = dateline };
                foreach (var m in NerTagger.Mentions(datelineDoc, _tagger.Tag(datelineDoc)))
                {
                    if (Clean(asArticle, m) is { } clean)
                    {
                        raw.Add(clean with { InDateline = true });
                    }
                }
            }
        }

        AddAcronymRepeats(docs, raw);

        // Groups: mentions with the same folded name, then joined by renamings and name structure.
        var keyGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        var groupOf = new int[raw.Count];
        for (var i = 0; i < raw.Count; i++)
        {
            if (!keyGroup.TryGetValue(raw[i].Key, out var g))
            {
                g = keyGroup.Count;
                keyGroup[raw[i].Key] = g;
            }

            groupOf[i] = g;
        }

        var sets = new UnionFind(keyGroup.Count);
        foreach (var (a, b) in renamings)
        {
            sets.Union(groupOf[a], groupOf[b]);
        }

        // Countries by any of their names ("Turkey", "Republic of Turkey") and demonyms join one group per country.
        var countryGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        var countryOfGroup = new Dictionary<int, Country>();
        for (var i = 0; i < raw.Count; i++)
        {
            var country = raw[i].Kind == MentionKind.Demonym ? _gazetteer.CountryByDemonym(raw[i].Text) : raw[i].Type == EntityType.Location ? _gazetteer.CountryByName(raw[i].Text) : null;
            if (country is null)
            {
                continue;
            }

            countryOfGroup[groupOf[i]] = country;
            if (countryGroup.TryGetValue(country.Code, out var g))
            {
                sets.Union(g, groupOf[i]);
            }
            else
            {
                countryGroup[country.Code] = groupOf[i];
            }
        }

        MergeByNameStructure(raw, groupOf, sets);

        // Role mentions ("the spokesman") resolve to the entity that holds the role, in the article first.
        var roleMentions = FindRoleMentions(docs, raw, groupOf, sets, roleBindings);

        return Build(raw, groupOf, sets, roleBindings, roleMentions, countryOfGroup);
    }

    private sealed record RawMention(string ArticleId, int ArticleIndex, int Start, int Length, string Text, string Key, string[] Tokens, EntityType Type, MentionKind Kind)
    {
        /// <summary>A span of the article's dateline, not of its text.</summary>
        public bool InDateline { get; init; }

        /// <summary>Followed by a word that only organisations take ("Kremlin spokesman", "the Nusra group").</summary>
        public bool OrgCue { get; init; }
    }

    /// <summary>Nouns that, right after a name, show it names an organisation.</summary>
    private static readonly FrozenSet<string> OrgHeads = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "group", "party", "ministry", "militia", "movement", "organisation", "organization", "agency", "council",
        "committee", "coalition", "faction", "alliance", "company", "corporation", "bank", "network", "front",
        "brigade", "brigades", "battalion", "union",
    ]);

    /// <summary>
    /// "Jebhat" "al-Nusra" tagged as two names side by side are one name: the tagger broke it at a particle. The
    /// tagger may also type the two parts apart; the part after the particle is the name's head and gives the type.
    /// </summary>
    private static List<EntityMention> JoinAdjacent(string text, List<EntityMention> mentions)
    {
        var result = new List<EntityMention>(mentions.Count);
        foreach (var m in mentions)
        {
            if (result.Count > 0 && result[^1] is var last && m.Start == last.End + 1 && text[last.End] == ' ' && char.IsLower(text[m.Start]))
            {
                result[^1] = new EntityMention(last.Start, m.End - last.Start, m.Type);
                continue;
            }

            result.Add(m);
        }

        return result;
    }

    /// <summary>Names in one list ("Latakia, Hama and Aleppo") are of one kind: the list's majority type.</summary>
    private static List<EntityMention> HarmoniseLists(string text, List<EntityMention> mentions)
    {
        var i = 0;
        while (i < mentions.Count)
        {
            var j = i;
            while (j + 1 < mentions.Count && IsListGap(text.AsSpan(mentions[j].End, mentions[j + 1].Start - mentions[j].End)))
            {
                j++;
            }

            if (j - i >= 2)
            {
                var majority = mentions.Skip(i).Take(j - i + 1).GroupBy(m => m.Type).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
                if (majority.Count() * 2 > j - i + 1)
                {
                    for (var k = i; k <= j; k++)
                    {
                        mentions[k] = mentions[k] with { Type = majority.Key };
                    }
                }
            }

            i = j + 1;
        }

        return mentions;
    }

    private static bool IsListGap(ReadOnlySpan<char> gap) => gap is ", " or " and " or ", and " or " or " or ", or ";

    /// <summary>"Self-Defense Forces (YPG)": the capitals in brackets name the same organisation.</summary>
    private static void FindAcronyms(string text, List<RawMention> raw, int firstIndex, List<(int, int)> links)
    {
        var count = raw.Count;
        for (var i = firstIndex; i < count; i++)
        {
            var m = raw[i];
            var open = m.Start + m.Length;
            if (m.Type == EntityType.Person || open + 3 >= text.Length || text[open] != ' ' || text[open + 1] != '(')
            {
                continue;
            }

            var close = text.IndexOf(')', open + 2, Math.Min(10, text.Length - open - 2));
            if (close < 0)
            {
                continue;
            }

            var inner = text[(open + 2)..close];
            if (inner.Length is < 2 or > 6 || !inner.All(char.IsUpper))
            {
                continue;
            }

            var existing = raw.FindIndex(firstIndex, r => r.Start == open + 2);
            if (existing >= 0)
            {
                raw[existing] = raw[existing] with { Type = EntityType.Organization };
                links.Add((i, existing));
                continue;
            }

            var key = Fold(inner);
            raw.Add(m with { Start = open + 2, Length = inner.Length, Text = inner, Key = key, Tokens = [key], Type = EntityType.Organization, Kind = MentionKind.Name });
            links.Add((i, raw.Count - 1));
        }
    }

    /// <summary>An acronym the story defines is a mention wherever it stands as a word ("Kurdish YPG fighters").</summary>
    private static void AddAcronymRepeats(List<(Article Article, NerDocument Document)> docs, List<RawMention> raw)
    {
        var acronyms = raw.Where(r => r.Type == EntityType.Organization && r.Text.Length is >= 2 and <= 6 && r.Text.All(char.IsUpper))
            .GroupBy(r => r.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (acronyms.Count == 0)
        {
            return;
        }

        var taken = raw.Where(r => !r.InDateline).Select(r => (r.ArticleId, r.Start)).ToHashSet();
        foreach (var (article, doc) in docs)
        {
            foreach (var t in doc.Tokens)
            {
                var word = article.Text.Substring(t.Start, t.Length);
                if (acronyms.TryGetValue(word, out var model) && taken.Add((article.Id, t.Start)))
                {
                    raw.Add(model with { ArticleId = article.Id, Start = t.Start, Length = t.Length });
                }
            }
        }
    }

    private RawMention? Clean(Article article, EntityMention m)
    {
        var text = article.Text;
        var start = m.Start;
        var end = m.End;
        var type = m.Type;

        // Titles and articles are not part of a name ("President Vladimir Putin", "the Kremlin").
        while (true)
        {
            var space = text.IndexOf(' ', start, end - start);
            if (space < 0)
            {
                break;
            }

            var first = text[start..space];
            if (!Titles.Contains(first) || (type != EntityType.Person && !first.Equals("the", StringComparison.OrdinalIgnoreCase)))
            {
                break;
            }

            start = space + 1;
        }

        var surface = TextNormalizer.Normalize(text.AsSpan(start, end - start));
        if (surface.EndsWith("'s", StringComparison.Ordinal))
        {
            surface = surface[..^2];
        }

        if (surface.Length < 2 || !surface.Any(char.IsLetter))
        {
            return null;
        }

        var kind = MentionKind.Name;
        if (type == EntityType.Misc && _gazetteer.CountryByDemonym(surface) is not null)
        {
            kind = MentionKind.Demonym;
            type = EntityType.Location;
        }

        var key = Fold(surface);
        var tokens = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var next = NextWord(text, end);
        var orgCue = type != EntityType.Person && kind == MentionKind.Name && (OrgHeads.Contains(next) || RoleHeads.Contains(next));
        return new RawMention(article.Id, 0, start, end - start, surface, kind == MentionKind.Demonym ? "demonym:" + key : key, tokens, type, kind) { OrgCue = orgCue };
    }

    private static string NextWord(string text, int from)
    {
        var i = from;
        if (i + 1 < text.Length && text[i] is '\'' or '\u2019' && text[i + 1] == 's')
        {
            i += 2;
        }

        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        var j = i;
        while (j < text.Length && char.IsLetter(text[j]))
        {
            j++;
        }

        return text[i..j];
    }

    private static string Fold(string s) => TextNormalizer.StripDiacritics(TextNormalizer.Normalize(s, lowerCase: true));

    /// <summary>"Astana (now Nur-Sultan)", "Nur-Sultan (formerly Astana)", "Astana, now Nur-Sultan": one place.</summary>
    private static void FindRenamings(string text, List<RawMention> raw, int firstIndex, List<(int, int)> renamings)
    {
        for (var i = firstIndex; i < raw.Count; i++)
        {
            var m = raw[i];
            var after = m.Start + m.Length;
            var rest = text.AsSpan(after, Math.Min(20, text.Length - after));
            var cue = rest.StartsWith(" (now ", StringComparison.OrdinalIgnoreCase) ? 6
                : rest.StartsWith(" (formerly ", StringComparison.OrdinalIgnoreCase) ? 11
                : rest.StartsWith(", now ", StringComparison.OrdinalIgnoreCase) ? 6
                : rest.StartsWith(" (former ", StringComparison.OrdinalIgnoreCase) ? 9 : 0;
            if (cue == 0)
            {
                continue;
            }

            var target = after + cue;
            var j = raw.FindIndex(firstIndex, r => r.Start == target);
            if (j >= 0)
            {
                renamings.Add((i, j));
                continue;
            }

            // The tagger missed the other name: take the capitalised word run there.
            var end = target;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '-' || (text[end] == ' ' && end + 1 < text.Length && char.IsUpper(text[end + 1]))))
            {
                end++;
            }

            if (end > target && char.IsUpper(text[target]))
            {
                var surface = text[target..end];
                var key = Fold(surface);
                raw.Add(m with { Start = target, Length = end - target, Text = surface, Key = key, Tokens = key.Split(' ') });
                renamings.Add((i, raw.Count - 1));
            }
        }
    }

    /// <summary>Binds roles written next to a person's name: "Kremlin spokesman Dmitry Peskov", "Peskov, the Kremlin spokesman,".</summary>
    private static void FindAppositions(string text, NerDocument doc, List<RawMention> raw, int firstIndex, List<(int, string)> bindings)
    {
        var tokenAt = new Dictionary<int, int>();
        for (var t = 0; t < doc.Tokens.Length; t++)
        {
            tokenAt[doc.Tokens[t].Start] = t;
        }

        for (var i = firstIndex; i < raw.Count; i++)
        {
            var m = raw[i];
            if (m.Type != EntityType.Person || m.Kind != MentionKind.Name || !tokenAt.TryGetValue(m.Start, out var first))
            {
                continue;
            }

            // Before the name: modifiers and capitalised words ending in a role head, within the sentence.
            var k = first - 1;
            if (k >= 0 && RoleHeads.Contains(doc.Tokens[k].In(text).ToString()))
            {
                var begin = k;
                while (begin - 1 >= 0 && begin > first - 6)
                {
                    var w = doc.Tokens[begin - 1].In(text);
                    var ws = w.ToString();
                    var ok = RoleModifiers.Contains(ws) || RoleHeads.Contains(ws) || ws is "'s" or "\u2019s"
                        || (char.IsUpper(w[0]) && InNonPersonMention(raw, firstIndex, doc.Tokens[begin - 1].Start));
                    if (!ok)
                    {
                        break;
                    }

                    begin--;
                }

                var role = TextNormalizer.Normalize(text.AsSpan(doc.Tokens[begin].Start, doc.Tokens[k].End - doc.Tokens[begin].Start));
                bindings.Add((i, role));
                continue;
            }

            // After the name: ", the Kremlin spokesman," or ", Turkey's foreign minister,".
            var endToken = first;
            while (endToken + 1 < doc.Tokens.Length && doc.Tokens[endToken + 1].Start < m.Start + m.Length)
            {
                endToken++;
            }

            if (endToken + 2 < doc.Tokens.Length && doc.Tokens[endToken + 1].In(text) is ",")
            {
                var j = endToken + 2;
                var begin = j;
                while (j < doc.Tokens.Length && j < begin + 6 && doc.Tokens[j].In(text) is not ("," or "." or ";"))
                {
                    j++;
                }

                if (j < doc.Tokens.Length && j > begin && doc.Tokens[j].In(text) is "," or "." && RoleHeads.Contains(doc.Tokens[j - 1].In(text).ToString()))
                {
                    if (doc.Tokens[begin].In(text) is "the" or "The" or "a")
                    {
                        begin++;
                    }

                    if (begin < j)
                    {
                        var role = TextNormalizer.Normalize(text.AsSpan(doc.Tokens[begin].Start, doc.Tokens[j - 1].End - doc.Tokens[begin].Start));
                        bindings.Add((i, role));
                    }
                }
            }
        }
    }

    private static bool InNonPersonMention(List<RawMention> raw, int firstIndex, int position)
    {
        for (var i = firstIndex; i < raw.Count; i++)
        {
            if (raw[i].Type != EntityType.Person && position >= raw[i].Start && position < raw[i].Start + raw[i].Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// People named in part ("Peskov", "Tayyip Erdogan") join the person whose fuller name holds those words
    /// in order and ends alike; when several could, the one named in the same article wins, else none.
    /// </summary>
    private static void MergeByNameStructure(List<RawMention> raw, int[] groupOf, UnionFind sets)
    {
        var persons = Enumerable.Range(0, raw.Count).Where(i => raw[i].Type == EntityType.Person && raw[i].Kind == MentionKind.Name)
            .OrderByDescending(i => raw[i].Tokens.Length).ThenBy(i => raw[i].Key, StringComparer.Ordinal).ToList();
        var fullNames = new List<int>();
        foreach (var i in persons)
        {
            var m = raw[i];
            var candidates = fullNames.Where(f => raw[f].Tokens.Length > m.Tokens.Length && IsPartOf(m.Tokens, raw[f].Tokens))
                .Select(f => sets.Find(groupOf[f])).Distinct().ToList();
            if (candidates.Count > 1)
            {
                var sameArticle = candidates.Where(c => fullNames.Any(f => sets.Find(groupOf[f]) == c && raw[f].ArticleId == m.ArticleId)).ToList();
                candidates = sameArticle.Count == 1 ? sameArticle : candidates;
            }

            if (candidates.Count == 1)
            {
                sets.Union(candidates[0], groupOf[i]);
            }

            if (m.Tokens.Length > 1)
            {
                fullNames.Add(i);
            }
        }

        // A lone surname the tagger typed as something else ("Peskov" as ORG) still joins an unambiguous person.
        for (var i = 0; i < raw.Count; i++)
        {
            var m = raw[i];
            if (m.Type == EntityType.Person || m.Kind != MentionKind.Name || m.Tokens.Length != 1)
            {
                continue;
            }

            var candidates = fullNames.Where(f => IsPartOf(m.Tokens, raw[f].Tokens)).Select(f => sets.Find(groupOf[f])).Distinct().ToList();
            if (candidates.Count == 1)
            {
                sets.Union(candidates[0], groupOf[i]);
            }
        }
    }

    /// <summary>Are the part's words, in order, among the whole's, with the same last word ("al-" prefixes ignored)?</summary>
    private static bool IsPartOf(string[] part, string[] whole)
    {
        if (Surname(part[^1]) != Surname(whole[^1]))
        {
            return false;
        }

        var j = 0;
        foreach (var w in whole)
        {
            if (j < part.Length && Surname(part[j]) == Surname(w))
            {
                j++;
            }
        }

        return j == part.Length;
    }

    private static string Surname(string token) =>
        token.StartsWith("al-", StringComparison.Ordinal) || token.StartsWith("el-", StringComparison.Ordinal) ? token[3..] : token;

    private sealed record RoleMention(int Group, string ArticleId, int Start, int Length, string Text);

    private static List<RoleMention> FindRoleMentions(List<(Article Article, NerDocument Document)> docs, List<RawMention> raw, int[] groupOf, UnionFind sets, List<(int Mention, string Role)> bindings)
    {
        var result = new List<RoleMention>();
        if (bindings.Count == 0)
        {
            return result;
        }

        // head noun → groups holding a role with that head, per article and in the whole set.
        var storyHeads = new Dictionary<string, HashSet<int>>(StringComparer.OrdinalIgnoreCase);
        var articleHeads = new Dictionary<(string, string), HashSet<int>>();
        var bound = new HashSet<int>();
        foreach (var (mention, role) in bindings)
        {
            var head = role.Split(' ')[^1];
            var g = sets.Find(groupOf[mention]);
            Add(storyHeads, head, g);
            var key = (raw[mention].ArticleId, head.ToLowerInvariant());
            if (!articleHeads.TryGetValue(key, out var set))
            {
                articleHeads[key] = set = [];
            }

            set.Add(g);
        }

        var mentionStarts = raw.Where(r => !r.InDateline).Select(r => (r.ArticleId, r.Start)).ToHashSet();
        foreach (var (article, doc) in docs)
        {
            var text = article.Text;
            for (var t = 0; t < doc.Tokens.Length; t++)
            {
                var word = doc.Tokens[t].In(text).ToString();
                if (!storyHeads.TryGetValue(word, out var holders))
                {
                    continue;
                }

                // "the spokesman", "The Kremlin's spokesman", "the Turkish leader" not followed by a name.
                var begin = t;
                while (begin - 1 >= 0 && begin > t - 5 && doc.Tokens[begin - 1].In(text) is var w
                    && !w.Equals("the", StringComparison.OrdinalIgnoreCase) && (RoleModifiers.Contains(w.ToString()) || w is "'s" or "\u2019s" || (w.Length > 0 && char.IsUpper(w[0]))))
                {
                    begin--;
                }

                if (begin - 1 < 0 || !doc.Tokens[begin - 1].In(text).Equals("the", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (t + 1 < doc.Tokens.Length && mentionStarts.Contains((article.Id, doc.Tokens[t + 1].Start)))
                {
                    continue;
                }

                var inArticle = articleHeads.GetValueOrDefault((article.Id, word.ToLowerInvariant()));
                var chosen = inArticle is { Count: 1 } ? inArticle.First() : holders.Count == 1 ? holders.First() : -1;
                if (chosen < 0)
                {
                    continue;
                }

                var start = doc.Tokens[begin - 1].Start;
                var length = doc.Tokens[t].End - start;
                result.Add(new RoleMention(chosen, article.Id, start, length, TextNormalizer.Normalize(text.AsSpan(start, length))));
            }
        }

        return result;
    }

    private static void Add(Dictionary<string, HashSet<int>> map, string key, int value)
    {
        if (!map.TryGetValue(key, out var set))
        {
            map[key] = set = [];
        }

        set.Add(value);
    }

    private IReadOnlyList<ResolvedEntity> Build(List<RawMention> raw, int[] groupOf, UnionFind sets, List<(int Mention, string Role)> bindings, List<RoleMention> roleMentions, Dictionary<int, Country> countryOfGroup)
    {
        var byRoot = new SortedDictionary<int, List<int>>();
        for (var i = 0; i < raw.Count; i++)
        {
            var root = sets.Find(groupOf[i]);
            if (!byRoot.TryGetValue(root, out var list))
            {
                byRoot[root] = list = [];
            }

            list.Add(i);
        }

        var entities = new List<ResolvedEntity>();
        foreach (var (root, members) in byRoot)
        {
            var names = members.Where(i => raw[i].Kind == MentionKind.Name).ToList();

            // The type most of its names were given (a demonym-only entity is a country).
            var type = names.Count == 0 ? EntityType.Location
                : names.GroupBy(i => raw[i].Type).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
            var country = members.Select(i => countryOfGroup.GetValueOrDefault(groupOf[i])).FirstOrDefault(c => c is not null);
            var orgCue = names.Any(i => raw[i].OrgCue);
            var fullPersonName = names.Any(i => raw[i].Type == EntityType.Person && raw[i].Tokens.Length > 1);
            if (country is not null)
            {
                type = EntityType.Location;
            }
            else if (orgCue && type != EntityType.Person)
            {
                type = EntityType.Organization;
            }
            else if (!fullPersonName && names.Any(i => (_gazetteer.Lists(raw[i].Text) & (GazetteerList.City | GazetteerList.Country)) != 0))
            {
                // A known place the tagger misread (a lone "Astana" as a person).
                type = EntityType.Location;
            }

            var surfaces = members.Select(i => raw[i].Text).ToList();
            var canonical = country?.Name
                ?? names.Select(i => raw[i].Text).GroupBy(s => s, StringComparer.Ordinal)
                    .OrderByDescending(g => g.Key.Split(' ').Length).ThenBy(g => g.Key.Length > 3 && !g.Key.Any(char.IsLower)).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => g.Key).FirstOrDefault()
                ?? surfaces[0];

            var roles = bindings.Where(b => sets.Find(groupOf[b.Mention]) == root).Select(b => b.Role)
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
            var aliases = surfaces.Where(s => s != canonical).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();

            var dateline = members.Where(i => raw[i].InDateline).Select(i => new ResolvedMention(raw[i].ArticleId, raw[i].Start, raw[i].Length, raw[i].Text, raw[i].Kind))
                .OrderBy(m => m.ArticleId, StringComparer.Ordinal).ThenBy(m => m.Start).ToImmutableArray();
            var mentions = members.Where(i => !raw[i].InDateline).Select(i => new ResolvedMention(raw[i].ArticleId, raw[i].Start, raw[i].Length, raw[i].Text, raw[i].Kind))
                .Concat(roleMentions.Where(r => r.Group == root).Select(r => new ResolvedMention(r.ArticleId, r.Start, r.Length, r.Text, MentionKind.Role)))
                .DistinctBy(m => (m.ArticleId, m.Start))
                .OrderBy(m => m.ArticleId, StringComparer.Ordinal).ThenBy(m => m.Start).ToImmutableArray();
            var counts = mentions.GroupBy(m => m.ArticleId).ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var id = ContentHash.Hex(ContentHash.Hash64(NerLabels.Code(type) + ":" + Fold(canonical)));
            entities.Add(new ResolvedEntity
            {
                Id = id,
                Name = canonical,
                Type = type,
                Aliases = aliases,
                Roles = roles,
                MentionCounts = counts,
                Mentions = mentions,
                DatelineMentions = dateline,
                CountryCode = country?.Code,
            });
        }

        return [.. entities.OrderByDescending(e => e.Mentions.Length + e.DatelineMentions.Length).ThenBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.Type)];
    }

    private sealed class UnionFind
    {
        private readonly int[] _parent;

        public UnionFind(int n)
        {
            _parent = new int[n];
            for (var i = 0; i < n; i++)
            {
                _parent[i] = i;
            }
        }

        public int Find(int x)
        {
            while (_parent[x] != x)
            {
                _parent[x] = _parent[_parent[x]];
                x = _parent[x];
            }

            return x;
        }

        // The smaller root wins, so the result does not depend on the order of unions.
        public void Union(int a, int b)
        {
            a = Find(a);
            b = Find(b);
            if (a != b)
            {
                _parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        }
    }
}
