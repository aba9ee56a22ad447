using System.Collections.Frozen;

namespace Storyline.Quotes;

/// <summary>The English words the quote finder keys on: cue verbs, pronouns, role nouns, function words.</summary>
internal static class QuoteLexicon
{
    /// <summary>Finite and bare forms of verbs of saying (and of the beliefs news reports attribute).</summary>
    public static readonly WordSet Cues = Set(
        "said", "says", "say", "told", "tells", "tell", "added", "adds", "warned", "warns", "accused", "accuses",
        "insisted", "insists", "noted", "notes", "denied", "denies", "claimed", "claims", "stated", "states",
        "explained", "explains", "argued", "argues", "asserted", "asserts", "announced", "announces", "declared",
        "declares", "acknowledged", "acknowledges", "admitted", "admits", "suggested", "suggests", "wrote", "writes",
        "tweeted", "tweets", "recalled", "recalls", "reported", "reports", "confirmed", "confirms", "predicted",
        "predicts", "promised", "promises", "pledged", "pledges", "vowed", "vows", "urged", "urges", "stressed",
        "stresses", "emphasized", "emphasised", "emphasizes", "complained", "complains", "conceded", "concedes",
        "replied", "replies", "responded", "responds", "asked", "asks", "contended", "contends", "maintained",
        "maintains", "observed", "observes", "reiterated", "reiterates", "alleged", "alleges", "charged",
        "testified", "disclosed", "revealed", "reveals", "cautioned", "cautions", "boasted", "boasts", "joked",
        "jokes", "quipped", "countered", "counters", "believes", "believe", "believed", "thinks", "think",
        "thought", "argue", "insist", "warn", "claim", "note", "add", "deny", "admit", "acknowledge", "wrote",
        "write", "threatened", "predict", "estimated", "estimates", "worried", "worries",
        "fears", "feared", "hopes", "hoped", "expects", "contend", "assured", "assures", "informed", "reminded",
        "repeated", "remarked", "commented", "continued", "says", "argued", "announced", "explained", "mused",
        "speculated", "cautioned", "demanded", "demands", "proclaimed", "proclaims", "shouted", "yelled",
        "declined", "questioned", "conceded", "indicated", "indicates", "signaled", "signalled", "posted",
        "concluded", "emailed", "texted", "recounted", "elaborated", "interjected", "objected", "retorted", "wondered",
        "answered", "answers", "bemoaned", "lamented", "laments", "scoffed", "sighed", "laughed", "riffed", "marveled",
        "exclaimed", "whispered", "screamed", "cried", "pleaded", "begged", "raged", "fumed", "snapped", "opined",
        "surmised", "offered", "ventured", "implored", "reasoned", "rejoined", "allowed", "explained", "acknowledge",
        "recall", "predicts", "insist", "mused", "concedes", "summed", "stated", "wrote", "says");

    /// <summary>Cues that are also plural nouns ("Turkish fears about", "reports from the ministry").</summary>
    public static readonly WordSet NounLikeCues = Set(
        "fears", "reports", "claims", "notes", "states", "hopes", "estimates", "worries", "promises", "pledges",
        "demands", "warns", "charges", "vows", "answers", "thought", "posted", "read", "reads");

    /// <summary>Verbs that attribute only when quoted words follow ("called it a “fundamental mistake”", "dubbed him “the little senator”").</summary>
    public static readonly WordSet QuotingCues = Set(
        "called", "calls", "call", "dubbed", "dubs", "labeled", "labelled", "labels", "described", "describes",
        "branded", "brands", "termed", "terms", "chanted", "chanting", "praised", "praises", "blasted", "blasts",
        "slammed", "slams", "mocked", "mocks", "criticized", "criticised", "criticizes", "lambasted", "hailed",
        "hails", "touted", "touts", "decried", "decries", "derided", "derides", "characterized", "referred", "refers",
        "recounted", "recounts", "read", "reads", "began", "begins", "concluded", "concludes", "sang", "shouted");

    /// <summary>Present participles that open a second statement after an attribution (", adding that ...").</summary>
    public static readonly WordSet Participles = Set(
        "saying", "adding", "noting", "warning", "arguing", "insisting", "claiming", "explaining", "telling",
        "stressing", "asserting", "suggesting", "stating", "declaring", "acknowledging", "admitting", "urging",
        "calling", "accusing", "emphasizing", "emphasising", "pointing", "describing", "writing", "predicting",
        "promising", "vowing", "recalling", "denying", "complaining", "reiterating", "introducing", "referring",
        "citing", "quoting", "pledging", "proclaiming", "asking", "ruling", "alleging", "replying", "responding",
        "announcing", "concluding", "observing", "dubbing", "labeling", "branding", "tweeting", "posting", "praising",
        "blasting", "slamming", "mocking", "criticizing", "criticising", "charging", "contending", "maintaining");

    /// <summary>Cues that take the hearer as an object before the content ("told reporters that ...").</summary>
    public static readonly WordSet CuesWithHearer = Set(
        "told", "tells", "tell", "telling", "assured", "assures", "informed", "reminded", "warned", "warns",
        "warning", "urged", "urges", "urging", "asked", "asks", "promised", "accused", "accuses", "accusing");

    public static readonly WordSet SubjectPronouns = Set("he", "she", "they", "i", "we", "it");

    /// <summary>Pronouns that can be traced to one named person.</summary>
    public static readonly WordSet PersonPronouns = Set("he", "she");

    public static readonly WordSet ObjectWords = Set(
        "him", "her", "them", "us", "me", "you", "reporters", "journalists", "lawmakers", "supporters", "voters",
        "listeners", "viewers", "students", "parliament", "congress", "senators", "officials", "members", "diplomats");

    /// <summary>Words that may stand between a speaker and the cue ("Peskov has repeatedly said").</summary>
    public static readonly WordSet Auxiliaries = Set(
        "also", "has", "had", "have", "later", "previously", "then", "again", "would", "will", "repeatedly",
        "recently", "reportedly", "publicly", "privately", "flatly", "simply", "once", "did", "does", "do", "not",
        "never", "initially", "further", "earlier", "quickly", "immediately", "already", "often", "frequently",
        "always", "openly", "first", "last", "just", "still", "now", "even", "may", "might", "could", "should",
        "can", "must", "subsequently", "separately", "specifically", "explicitly", "directly", "bluntly", "angrily",
        "calmly", "confidently", "clearly", "repeatedly", "proudly", "emphatically", "jokingly", "sarcastically",
        "allegedly", "originally", "ultimately", "finally", "personally", "famously");

    /// <summary>Lower-case words that can be part of a speaker's description ("Kremlin spokesman Dmitry Peskov").</summary>
    public static readonly WordSet RoleWords = Set(
        "spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "president", "leader", "chairman",
        "chairwoman", "chair", "senator", "candidate", "nominee", "adviser", "advisor", "aide", "director",
        "official", "officials", "representative", "ambassador", "envoy", "governor", "mayor", "general",
        "commander", "chief", "head", "manager", "strategist", "analyst", "professor", "expert", "economist",
        "lawyer", "attorney", "judge", "justice", "prosecutor", "sheriff", "counsel", "consultant", "pollster",
        "presidential", "foreign", "deputy", "former", "senior", "press", "campaign", "top", "national", "security",
        "defense", "defence", "ministry", "vice", "prime", "state", "executive", "democratic", "republican",
        "gop", "party", "house", "senate", "white", "majority", "minority", "whip", "speaker", "founder", "ceo",
        "co-founder", "host", "anchor", "correspondent", "reporter", "editor", "columnist", "writer", "author",
        "activist", "organizer", "operative", "member", "rep.", "sen.", "gov.", "u.s.", "federal", "military",
        "army", "police", "policeman", "officer", "commissioner", "delegate", "superdelegate", "historian",
        "scientist", "researcher", "economist", "partner", "owner", "chairperson", "diplomat", "general's",
        "retired", "longtime", "veteran", "billionaire", "businessman", "businesswoman", "frontrunner",
        "front-runner", "hopeful", "rival", "opponent", "challenger", "incumbent", "colleague", "friend", "wife",
        "husband", "son", "daughter", "mother", "father", "brother", "sister", "pastor", "bishop", "pope", "rabbi",
        "imam", "spokespeople", "lawmaker", "congressman", "congresswoman", "assemblyman", "councilman",
        "councilwoman", "treasurer", "trustee", "fellow", "coordinator", "counselor", "surrogate");

    /// <summary>Determiners and possessives that open a described speaker ("the spokesman", "a source").</summary>
    public static readonly WordSet Determiners = Set(
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "another", "one", "two", "three",
        "some", "many", "several", "other", "both", "all", "most", "those", "these", "this", "each", "few",
        "no", "any", "every", "such");

    /// <summary>Words that never end a speaker description: function words, prepositions, conjunctions.</summary>
    public static readonly WordSet FunctionWords = Set(
        "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as",
        "that", "which", "who", "whom", "whose", "what", "when", "where", "while", "if", "than", "then", "so",
        "because", "since", "although", "though", "after", "before", "about", "into", "over", "under", "is",
        "was", "were", "are", "be", "been", "being", "not", "no", "it", "this", "these", "those", "there",
        "here", "has", "have", "had", "do", "does", "did", "also", "just", "only", "even", "how", "why", "all",
        "can", "could", "would", "will", "shall", "should", "may", "might", "must", "very", "too", "more",
        "most", "much", "many", "any", "some", "such", "out", "up", "down", "off", "again", "its", "his", "her",
        "their", "our", "my", "your", "him", "them", "us", "me", "you", "yet", "nor", "per", "via", "against",
        "between", "among", "during", "without", "within", "through", "toward", "towards", "upon", "whether",
        "once", "until", "unless", "whereas", "like", "unlike", "despite", "except", "instead", "new", "now");

    /// <summary>Capitalised words that open a sentence without naming anyone ("But", "Earlier").</summary>
    public static readonly WordSet SentenceOpeners = Set(
        "but", "and", "in", "on", "at", "as", "when", "while", "after", "before", "earlier", "later", "meanwhile",
        "however", "also", "so", "yet", "still", "now", "then", "today", "yesterday", "last", "this", "that",
        "these", "those", "if", "although", "though", "because", "since", "for", "with", "without", "speaking",
        "asked", "according", "moreover", "further", "furthermore", "instead", "finally", "indeed", "separately",
        "specifically", "there", "here", "recently", "previously", "already", "even", "only", "or", "nor",
        "what", "why", "how", "where", "who", "which", "it", "during", "until", "by", "from", "to", "of", "about",
        "under", "over", "among", "between", "through", "across", "against", "like", "unlike", "despite", "amid",
        "overall", "thus", "hence", "besides", "again", "once", "first", "second", "third", "next", "not",
        "writing", "talking", "addressing", "responding", "asked", "told", "said", "no", "yes", "well", "oh",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    /// <summary>Abbreviations after which a full stop does not end a sentence.</summary>
    public static readonly WordSet Abbreviations = Set(
        "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "sgt", "st", "jr", "sr",
        "prof", "rev", "hon", "pres", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "inc", "corp", "co", "ltd", "no", "vs", "v", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "d.c",
        "a.m", "p.m", "adm", "cmdr", "supt", "ft", "mt", "fig", "approx", "dept", "univ", "assn", "bros", "calif",
        "fla", "mass", "wash", "va", "pa", "ga", "ill", "mich", "minn", "wis", "ariz", "colo", "conn", "del",
        "ind", "kan", "ky", "la", "md", "mo", "neb", "nev", "okla", "ore", "tenn", "tex", "vt", "wyo", "al", "ark");

    private static WordSet Set(params string[] words) => new(words);
}

/// <summary>A case-insensitive set of words that answers for spans of text without allocating. Thread-safe.</summary>
internal sealed class WordSet
{
    private readonly FrozenSet<string> _set;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordSet(IEnumerable<string> words)
    {
        _set = words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);
}
