using System.Collections.Frozen;

namespace Storyline.Figures;

/// <summary>The words figures are read with: number words, hedges, currencies, and the verbs and nouns that say what is counted. All lower case.</summary>
internal static class FigureLexicon
{
    public static readonly FrozenDictionary<string, int> Units = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["zero"] = 0,
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["thirteen"] = 13,
        ["fourteen"] = 14,
        ["fifteen"] = 15,
        ["sixteen"] = 16,
        ["seventeen"] = 17,
        ["eighteen"] = 18,
        ["nineteen"] = 19,
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fifty"] = 50,
        ["sixty"] = 60,
        ["seventy"] = 70,
        ["eighty"] = 80,
        ["ninety"] = 90,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words that multiply the number before them ("1 million", "two dozen", "3.5bn").</summary>
    public static readonly FrozenDictionary<string, double> Scales = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["dozen"] = 12,
        ["hundred"] = 100,
        ["thousand"] = 1e3,
        ["million"] = 1e6,
        ["billion"] = 1e9,
        ["trillion"] = 1e12,
        ["mln"] = 1e6,
        ["bln"] = 1e9,
        ["bn"] = 1e9,
        ["tn"] = 1e12,
        ["k"] = 1e3,
        ["m"] = 1e6,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Orders of magnitude without a number ("hundreds of"), as the range they allow.</summary>
    public static readonly FrozenDictionary<string, (double Low, double High)> VagueAmounts = new Dictionary<string, (double, double)>(StringComparer.Ordinal)
    {
        ["dozens"] = (24, 99),
        ["scores"] = (40, 99),
        ["hundreds"] = (200, 999),
        ["thousands"] = (2_000, 9_999),
        ["millions"] = (2e6, 999e6),
        ["billions"] = (2e9, 999e9),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Hedges before a number, longest first so "no fewer than" wins over "fewer than".</summary>
    public static readonly (string[] Words, FigureQualifier Qualifier)[] Qualifiers = [.. new (string[] Words, FigureQualifier Qualifier)[]
    {
        (["at", "least"], FigureQualifier.AtLeast), (["no", "fewer", "than"], FigureQualifier.AtLeast),
        (["no", "less", "than"], FigureQualifier.AtLeast), (["not", "less", "than"], FigureQualifier.AtLeast),
        (["a", "minimum", "of"], FigureQualifier.AtLeast),
        (["more", "than"], FigureQualifier.MoreThan), (["over"], FigureQualifier.MoreThan), (["upwards", "of"], FigureQualifier.MoreThan),
        (["in", "excess", "of"], FigureQualifier.MoreThan), (["well", "over"], FigureQualifier.MoreThan), (["just", "over"], FigureQualifier.MoreThan),
        (["above"], FigureQualifier.MoreThan), (["exceeding"], FigureQualifier.MoreThan),
        (["up", "to"], FigureQualifier.UpTo), (["as", "many", "as"], FigureQualifier.UpTo), (["as", "much", "as"], FigureQualifier.UpTo),
        (["at", "most"], FigureQualifier.UpTo), (["no", "more", "than"], FigureQualifier.UpTo),
        (["less", "than"], FigureQualifier.LessThan), (["fewer", "than"], FigureQualifier.LessThan), (["under"], FigureQualifier.LessThan),
        (["below"], FigureQualifier.LessThan),
        (["close", "to"], FigureQualifier.CloseTo), (["nearly"], FigureQualifier.CloseTo), (["almost"], FigureQualifier.CloseTo),
        (["just", "under"], FigureQualifier.CloseTo), (["approaching"], FigureQualifier.CloseTo), (["just", "shy", "of"], FigureQualifier.CloseTo),
        (["about"], FigureQualifier.About), (["around"], FigureQualifier.About), (["approximately"], FigureQualifier.About),
        (["roughly"], FigureQualifier.About), (["some"], FigureQualifier.About), (["an", "estimated"], FigureQualifier.About),
        (["estimated"], FigureQualifier.About), (["circa"], FigureQualifier.About), (["approx."], FigureQualifier.About),
        (["between"], FigureQualifier.Range),
    }.OrderByDescending(q => q.Words.Length)];

    public static readonly FrozenDictionary<string, string> CurrencySymbols = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["$"] = "USD",
        ["€"] = "EUR",
        ["£"] = "GBP",
        ["¥"] = "JPY",
        ["₽"] = "RUB",
        ["₺"] = "TRY",
        ["₹"] = "INR",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, string> CurrencyWords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["dollars"] = "USD",
        ["dollar"] = "USD",
        ["usd"] = "USD",
        ["euros"] = "EUR",
        ["euro"] = "EUR",
        ["eur"] = "EUR",
        ["pounds"] = "GBP",
        ["sterling"] = "GBP",
        ["gbp"] = "GBP",
        ["rubles"] = "RUB",
        ["roubles"] = "RUB",
        ["rub"] = "RUB",
        ["lira"] = "TRY",
        ["liras"] = "TRY",
        ["yuan"] = "CNY",
        ["renminbi"] = "CNY",
        ["yen"] = "JPY",
        ["rupees"] = "INR",
        ["francs"] = "CHF",
        ["hryvnias"] = "UAH",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Verbs and adjectives that say what happened to the counted ones, before or after the number.</summary>
    public static readonly (string[] Words, FigureCategory Category)[] Cues = [.. new (string[] Words, FigureCategory Category)[]
    {
        (["killed"], FigureCategory.Killed), (["killing"], FigureCategory.Killed), (["kill"], FigureCategory.Killed),
        (["kills"], FigureCategory.Killed), (["died"], FigureCategory.Killed), (["dead"], FigureCategory.Killed),
        (["perished"], FigureCategory.Killed), (["slain"], FigureCategory.Killed), (["massacred"], FigureCategory.Killed),
        (["lost", "their", "lives"], FigureCategory.Killed), (["executed"], FigureCategory.Killed),
        (["shot", "dead"], FigureCategory.Killed), (["stabbed", "to", "death"], FigureCategory.Killed),
        (["beaten", "to", "death"], FigureCategory.Killed), (["hospitalized"], FigureCategory.Injured),
        (["hospitalised"], FigureCategory.Injured), (["stabbed"], FigureCategory.Injured),
        (["injured"], FigureCategory.Injured), (["injuring"], FigureCategory.Injured), (["wounded"], FigureCategory.Injured),
        (["wounding"], FigureCategory.Injured), (["hurt"], FigureCategory.Injured), (["injure"], FigureCategory.Injured),
        (["missing"], FigureCategory.Missing), (["unaccounted", "for"], FigureCategory.Missing),
        (["displaced"], FigureCategory.Displaced), (["displacing"], FigureCategory.Displaced), (["displace"], FigureCategory.Displaced),
        (["fled"], FigureCategory.Displaced), (["fleeing"], FigureCategory.Displaced), (["uprooted"], FigureCategory.Displaced),
        (["forced", "from", "their", "homes"], FigureCategory.Displaced), (["forced", "to", "flee"], FigureCategory.Displaced),
        (["made", "homeless"], FigureCategory.Displaced), (["left", "homeless"], FigureCategory.Displaced), (["homeless"], FigureCategory.Displaced),
        (["arrested"], FigureCategory.Arrested), (["arresting"], FigureCategory.Arrested), (["detained"], FigureCategory.Arrested),
        (["detaining"], FigureCategory.Arrested), (["jailed"], FigureCategory.Arrested), (["rounded", "up"], FigureCategory.Arrested),
        (["taken", "into", "custody"], FigureCategory.Arrested), (["apprehended"], FigureCategory.Arrested),
        (["evacuated"], FigureCategory.Evacuated), (["evacuating"], FigureCategory.Evacuated), (["evacuate"], FigureCategory.Evacuated),
        (["destroyed"], FigureCategory.Destroyed), (["destroying"], FigureCategory.Destroyed), (["destroy"], FigureCategory.Destroyed),
        (["shot", "down"], FigureCategory.Downed), (["shoot", "down"], FigureCategory.Downed), (["shooting", "down"], FigureCategory.Downed),
        (["brought", "down"], FigureCategory.Downed), (["bring", "down"], FigureCategory.Downed), (["downed"], FigureCategory.Downed),
        (["bring", "to", "the", "ground"], FigureCategory.Downed), (["brought", "to", "the", "ground"], FigureCategory.Downed),
        (["intercepted"], FigureCategory.Downed), (["intercepting"], FigureCategory.Downed),
    }.OrderByDescending(c => c.Words.Length)];

    /// <summary>Cue words whose subject is the one affected even with words after them ("5,000 people fled the town").</summary>
    public static readonly FrozenSet<string> Intransitive = FrozenSet.Create(StringComparer.Ordinal,
    [
        "died", "dead", "perished", "fled", "fleeing", "missing", "homeless", "lost", "unaccounted", "hurt",
    ]);

    /// <summary>Words that start the object of a verb ("killed the", "injured 34").</summary>
    public static readonly FrozenSet<string> ObjectStarts = FrozenSet.Create(StringComparer.Ordinal,
    [
        "the", "a", "an", "their", "his", "her", "its", "at", "more", "some", "about", "nearly", "over", "up", "around",
        "close", "almost", "roughly", "approximately", "scores", "people", "civilians", "soldiers",
    ]);

    /// <summary>Counted nouns that carry their category ("13 deaths", "5,000 refugees").</summary>
    public static readonly FrozenDictionary<string, FigureCategory> HeadCategories = new Dictionary<string, FigureCategory>(StringComparer.Ordinal)
    {
        ["deaths"] = FigureCategory.Killed,
        ["fatalities"] = FigureCategory.Killed,
        ["bodies"] = FigureCategory.Killed,
        ["injuries"] = FigureCategory.Injured,
        ["refugees"] = FigureCategory.Displaced,
        ["evacuees"] = FigureCategory.Evacuated,
        ["arrests"] = FigureCategory.Arrested,
        ["detainees"] = FigureCategory.Arrested,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words that end the counted noun phrase: function words, auxiliaries, prepositions.</summary>
    public static readonly FrozenSet<string> PhraseStops = FrozenSet.Create(StringComparer.Ordinal,
    [
        "the", "a", "an", "this", "that", "these", "those", "who", "which", "whom", "whose", "where", "when", "while",
        "and", "or", "but", "nor", "as", "than", "if", "because", "so", "then", "to", "of", "in", "on", "at", "for", "from",
        "with", "by", "since", "during", "over", "into", "onto", "across", "near", "after", "before", "between", "under",
        "within", "including", "per", "against", "among", "amid", "about", "around", "through", "until", "via", "without",
        "have", "has", "had", "were", "was", "are", "is", "be", "been", "being", "will", "would", "could", "can", "may",
        "might", "must", "should", "shall", "do", "does", "did", "not", "no", "also", "each", "all", "more", "less",
        "he", "she", "it", "they", "we", "you", "i", "them", "their", "its", "his", "her", "our", "there", "here",
        "said", "says", "say", "reportedly", "last", "next", "ago", "later", "earlier", "year", "years", "old",
    ]);

    /// <summary>Nouns that measure time, distance or weight, or count page furniture: not figures the story view reports.</summary>
    public static readonly FrozenSet<string> NotCounted = FrozenSet.Create(StringComparer.Ordinal,
    [
        "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hrs", "day", "days", "week", "weeks",
        "month", "months", "year", "years", "decade", "decades", "century", "centuries", "times", "time",
        "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters", "metre", "meter",
        "feet", "foot", "ft", "inches", "cm", "mm", "kg", "kilograms", "grams", "pounds", "lbs", "tons", "tonnes",
        "degrees", "celsius", "fahrenheit", "mph", "kph", "hectares", "acres", "square",
        "comments", "comment", "views", "shares", "likes", "replies", "photos", "images", "pictures", "slides", "pages",
        "page", "read", "of", "am", "pm", "a.m.", "p.m.", "gmt", "utc", "st", "nd", "rd", "th", "percent", "points",
    ]);

    /// <summary>Lower-case labels before a number that make it a name, not an amount ("page 2", "flight 17", "resolution 2254").</summary>
    public static readonly FrozenSet<string> NumberLabels = FrozenSet.Create(StringComparer.Ordinal,
    [
        "no.", "no", "nos.", "number", "#", "page", "p.", "pp.", "vol.", "volume", "chapter", "section", "article",
        "paragraph", "line", "room", "flight", "route", "highway", "channel", "episode", "season", "version", "level",
        "phase", "stage", "grade", "size", "category", "resolution", "model", "type", "class", "gate", "platform",
        "aged", "age", "ages", "term", "district", "ward", "zone", "unit", "block", "floor", "apartment", "building",
        "code", "id", "item", "figure", "fig.", "table", "step", "round", "game", "match", "group", "division", "tier",
        "top", "of", "no.1",
    ]);

    /// <summary>Verbs that attribute a statement to a speaker before the figure ("The United Nations says 520,000 ...").</summary>
    public static readonly FrozenSet<string> AttributionVerbs = FrozenSet.Create(StringComparer.Ordinal,
    [
        "say", "says", "said", "told", "tells", "reported", "reports", "estimated", "estimates", "estimate", "announced",
        "announces", "stated", "states", "claimed", "claims", "confirmed", "confirms", "added", "adds", "noted", "notes",
        "wrote", "writes", "warned", "warns", "counted", "counts", "recorded", "records", "put", "puts", "believes",
        "believed", "insisted", "insists", "acknowledged", "acknowledges", "according",
    ]);

    /// <summary>Lower-case words a speaker's phrase may hold besides names ("Russia's foreign ministry", "the health ministry spokesman").</summary>
    public static readonly FrozenSet<string> SpeakerWords = FrozenSet.Create(StringComparer.Ordinal,
    [
        "the", "'s", "\u2019s", "of", "spokesman", "spokeswoman", "spokesperson", "ministry", "minister", "officials",
        "official", "agency", "office", "army", "military", "police", "government", "authorities", "group", "monitor",
        "observatory", "organization", "organisation", "commission", "council", "committee", "president", "chief",
        "head", "leader", "source", "sources", "foreign", "defense", "defence", "health", "interior", "state", "local",
        "news", "media", "service", "services", "department", "agencies", "rights", "human", "general", "secretary",
        "prime", "told", "mayor", "governor", "commander", "forces", "coalition", "aid", "humanitarian", "relief",
        "workers", "medics", "doctors", "hospital", "rescuers", "residents", "activists", "witnesses", "experts",
        "analysts", "data", "figures", "statistics", "report", "study", "survey", "census", "tally", "count",
    ]);

    public static readonly FrozenSet<string> Pronouns = FrozenSet.Create(StringComparer.Ordinal, ["he", "she", "they", "it", "we", "i"]);

    /// <summary>Words between a number phrase and the verb that says what happened ("520,000 people have been displaced").</summary>
    public static readonly FrozenSet<string> AuxiliaryFill = FrozenSet.Create(StringComparer.Ordinal,
    [
        "have", "has", "had", "been", "were", "was", "are", "is", "be", "being", "who", "that", "which", "reportedly",
        "also", "now", "already", "all", "either", "both", "were", "allegedly", "reported", "confirmed", "believed",
        "to", "feared", "thought", "as", "so", "far", "later", "since", "then", "had", "got", "left",
    ]);

    /// <summary>Words between a verb and the number it governs ("killed a total of 13", "bring to the ground at least three").</summary>
    public static readonly FrozenSet<string> LeftFill = FrozenSet.Create(StringComparer.Ordinal,
    [
        "a", "an", "the", "total", "of", "another", "additional", "further", "some", "all",
    ]);

    /// <summary>Prepositions that belong to a time expression's words ("in a week", "since early December").</summary>
    public static readonly FrozenSet<string> TimePrepositions = FrozenSet.Create(StringComparer.Ordinal,
    [
        "in", "on", "since", "during", "over", "at", "by", "until", "through", "from", "within", "throughout", "before", "after",
    ]);

    /// <summary>Nouns that end a place phrase after its name ("Idlib province").</summary>
    public static readonly FrozenSet<string> PlaceNouns = FrozenSet.Create(StringComparer.Ordinal,
    [
        "province", "region", "city", "district", "governorate", "area", "camp", "state", "county", "town", "village",
        "valley", "border", "countryside",
    ]);

    /// <summary>Plural nouns that do not end in "s".</summary>
    public static readonly FrozenDictionary<string, string> IrregularSingulars = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["people"] = "people",
        ["persons"] = "people",
        ["person"] = "people",
        ["personnel"] = "personnel",
        ["children"] = "child",
        ["men"] = "man",
        ["women"] = "woman",
        ["police"] = "police",
        ["staff"] = "staff",
        ["aircraft"] = "aircraft",
        ["militia"] = "militia",
        ["troops"] = "troop",
        ["cattle"] = "cattle",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
