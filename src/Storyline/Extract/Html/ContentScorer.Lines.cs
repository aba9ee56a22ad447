using System.Buffers;
using System.Text.RegularExpressions;
using Storyline.Model;

namespace Storyline.Extract.Html;

/// <summary>
/// Single lines inside the article that are the page's, not the author's, told by their words alone: a caption that
/// ends in its picture's credit, the site's appeal to subscribe, donate or install its app, a row of widget labels,
/// a server's error message, the blog's "posted in" line, and a label over a closing list of links that the scorer removed.
/// </summary>
internal static partial class ContentScorer
{
    /// <summary>Longest line the rules below judge: longer ones are paragraphs of the text.</summary>
    private const int SiteLineMaxChars = 300;

    /// <summary>Longest line taken for a server's error message or a blog's filing line.</summary>
    private const int NoticeLineMaxChars = 600;

    /// <summary>Longest label that <see cref="DropLabelsOverLinks"/> removes.</summary>
    private const int LinkLabelMaxChars = 80;

    /// <summary>
    /// Removes the kept lines that <see cref="SiteLineReason"/> names, then the labels over removed lists of links.
    /// Returns how many body blocks it removed.
    /// </summary>
    private static int DropSiteLines(List<Block> result)
    {
        var dropped = 0;
        for (var i = 0; i < result.Count; i++)
        {
            var b = result[i];
            if (b.Role is BlockRole.Body or BlockRole.Heading or BlockRole.Standfirst && SiteLineReason(b.Text) is { } reason)
            {
                result[i] = new Block(b.Text, BlockRole.Boilerplate, reason);
                dropped++;
            }
        }

        return dropped + DropLabelsOverLinks(result);
    }

    /// <summary>Why a short line of the article's text is the page's, or null when it may be the author's.</summary>
    internal static string? SiteLineReason(string text)
    {
        if (text.Length >= NoticeLineMaxChars)
        {
            return null;
        }

        // The patterns anchored at the start fail at once on most lines; the others run only on a line that holds one
        // of their words (a vectorised search), as every kept line of every page comes here.
        var span = text.AsSpan();

        // A server's error and a blog's filing line run long with paths, categories and tags.
        if (ServerError().IsMatch(text))
        {
            return "page error";
        }

        if (PostedInLine().IsMatch(text) && PostedInWhere().IsMatch(text))
        {
            return "byline or date";
        }

        if (text.Length >= SiteLineMaxChars)
        {
            return null;
        }

        if (((span.Contains('©') || span.ContainsAny(CreditParts)) && CreditEnding().IsMatch(text)) || ParenthesisedCredit().IsMatch(text))
        {
            return "caption";
        }

        if ((span.ContainsAny(AppealParts) || (span.Contains("app", StringComparison.OrdinalIgnoreCase) && span.ContainsAny(AppAppealVerbs)))
            && SiteAppeal().IsMatch(text))
        {
            return "site appeal";
        }

        if (span.ContainsAny(DisclaimerParts) && Disclaimer().IsMatch(text))
        {
            return "disclaimer";
        }

        if (span[Math.Max(0, span.Length - 24)..].ContainsAny(ReadMoreParts) && ReadMoreEnding().IsMatch(text))
        {
            return "related articles";
        }

        if (span.Contains(':') && ContactLine().IsMatch(text))
        {
            return "contact details";
        }

        if (AdvertisementLabel().IsMatch(text))
        {
            return "advertisement";
        }

        if (text.Length < FollowLineMaxChars && FollowOrShareLine().IsMatch(text))
        {
            return "site appeal";
        }

        if (text.Length < FollowLineMaxChars && CreditedByLine().IsMatch(text))
        {
            return "byline or date";
        }

        if (span.ContainsAny(WidgetParts))
        {
            if (PushPrompt().IsMatch(text))
            {
                return "pop-up";
            }

            if (VisitorsOnline().IsMatch(text) || FileSize().IsMatch(text))
            {
                return "widget text";
            }
        }

        if (AgencySignOff().IsMatch(text))
        {
            return "byline or date";
        }

        return WidgetLabels().IsMatch(text) ? "widget text" : null;
    }

    /// <summary>
    /// Words one of which every match of the pattern named holds, in any case. They are kept to ASCII, which is searched
    /// many times faster than other letters, and as long as the pattern allows: a common fragment ("app", "abo", "kb")
    /// would let the pattern run on most lines.
    /// </summary>
    private static readonly SearchValues<string> CreditParts = SearchValues.Create(["(c)", "copyright"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> AppealParts = SearchValues.Create(
        ["newsletter", "inbox", "posteingang", "e-paper", "your phone", "spende", "donat", "wesprzyj", "mitglied", "member", "membres"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>The verbs before "app" in the app appeal of <see cref="SiteAppeal"/>; the line holds "app" too.</summary>
    private static readonly SearchValues<string> AppAppealVerbs = SearchValues.Create(
        ["download", "get", "install", "hol dir", "lade dir", "laden sie"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> DisclaimerParts = SearchValues.Create(
        ["engagent", "expressed", "ohne gew", "inhalte dieser", "inhalte of this", "content dieser", "content of this", "citation", "zitier"],
        StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> ReadMoreParts = SearchValues.Create(
        ["weiterlesen", "read more", "mehr lesen", "la suite", "leer m", "seguir leyendo", "czytaj", "leggi", "reading"],
        StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> WidgetParts = SearchValues.Create(
        ["benachrichtigung", "notifica", "online", "pdf", "doc", "xls", "ppt", "zip", "odt"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A short line that neither ends a sentence nor introduces what follows with a colon ("Weitere aktuelle Themen aus
    /// der Arbeitswelt") that two or more removed links or teasers follow, with no text of the article after them,
    /// labels the page's list that closes it. Inside the text such a label heads the author's own list of links (a
    /// table of contents, sources, an agency directory), and stays. Returns how many it removed.
    /// </summary>
    private static int DropLabelsOverLinks(List<Block> result)
    {
        var dropped = 0;
        for (var i = 0; i < result.Count - 2; i++)
        {
            var b = result[i];
            if (b.Role is not (BlockRole.Body or BlockRole.Heading) || b.Text.Length >= LinkLabelMaxChars || b.Text[^1] is '.' or '!' or '?' or ':'
                || !IsLinkList(result[i + 1]) || !IsLinkList(result[i + 2]))
            {
                continue;
            }

            var next = i + 3;
            while (next < result.Count && result[next].IsRemoved)
            {
                next++;
            }

            if (next == result.Count)
            {
                result[i] = new Block(b.Text, BlockRole.Boilerplate, "heading over links");
                dropped++;
            }
        }

        return dropped;

        static bool IsLinkList(Block b) => b.Reason is "mostly links" or "related articles";
    }

    /// <summary>
    /// A caption that ends in its picture's credit after a copyright sign ("Marco Odermatt, Ski-Star. © AFP / MARCO
    /// BERTORELLO", "Der Hirschkäfer. Foto © Jörg Gemsch"): the credit has no sentence of its own. The word "copyright"
    /// counts only before a name, a sign or a year ("Image copyright Reuters"), not before a lower-case word:
    /// "Why copyright law keeps the plans locked away" is a heading, not a credit.
    /// </summary>
    [GeneratedRegex(@"(?:©|\(c\)|\bcopyright\s+(?-i:(?!\p{Ll})))\s*[^.!?©\n]{2,60}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditEnding();

    /// <summary>A credit set in parentheses on a line of its own ("(Credit: Clayton Aldern / Grist)", "(Quelle: Foto Steven V.)").</summary>
    [GeneratedRegex(@"^\((?:fotos?|photos?|bild(?:er)?|credits?|images?|quellen?|sources?|fuentes?)\s*:[^()]{2,80}\)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ParenthesisedCredit();

    /// <summary>
    /// A site's appeal wherever it stands: to sign up for its newsletter, buy its print edition, install its app, donate
    /// or become a member. Each alternative needs the appeal's own words ("our newsletter", not "the council's newsletter"), not
    /// a topic an article may discuss.
    /// </summary>
    [GeneratedRegex(@"(?:subscri\w*|sign(?:ing)? up|abonn\w*|anmeld\w*|melde dich|inscri\w*|suscri\w*)\b.{0,60}\b(?:our|unseren?|notre|nuestr[oa]|naszego|nostra)\s+(?:[\w-]+\s+){0,2}newsletter|\b(?:our|unseren?|notre|nuestr[oa]|naszego|nostra)\s+(?:[\w-]+\s+){0,2}newsletter\b.{0,40}\b(?:abonn\w*|anmeld\w*|subscri\w*|sign up|inscri\w*|suscri\w*)|\b(?:im|als) abo\b.{0,40}\be-paper\b|\bstraight to your (?:phone|inbox)\b|\b(?:sign up|subscribe|get (?:[\w’'-]+\s){0,3}(?:stories|news|updates|articles))\b.{0,40}\b(?:in|to) your inbox\b|\bin (?:deinen|ihren) posteingang (?:liefern|schicken|senden)|\b(?:download|get|install|hol dir|lade dir|laden sie)\b.{0,40}\b(?:our|the|unsere?n?) [\w\s-]{0,30}\bapp\b|\bjede (?:kleine )?spende\b|\bjetzt spenden\b|\bdonate now\b|\bmake a donation\b|\bwesprzyj nas\b|\b(?:werden sie|werde) mitglied\b|\bbecome a member\b|\bmembresía\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SiteAppeal();

    /// <summary>
    /// A site's standing disclaimer, licence or citation note ("Les opinions exprimées ... n'engagent que leurs auteurs",
    /// "Alle Angaben ohne Gewähr", "Suggested citation"), set under every post.
    /// </summary>
    [GeneratedRegex(@"\bn'engagent que (?:leurs|son|ses) auteurs?\b|\b(?:the )?(?:views|opinions) expressed (?:here|in this|on this|in these|by)\b|\b(?:alle )?angaben ohne gewähr\b|\b(?:inhalte|content) (?:dieser|of this) (?:website|seite|site)\b.{0,40}\b(?:unter|licensed under|is licensed)\b|^suggested citation\b|^zitiervorschlag\b|^(?:bitte )?zitieren als\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Disclaimer();

    /// <summary>A teaser of another page: an excerpt that ends in its link's label ("... Seht selbst! Weiterlesen", "[czytaj więcej]").</summary>
    [GeneratedRegex(@"\S\s+[\[(]?(?:weiterlesen|read more|mehr lesen|lire la suite|leer más|seguir leyendo|czytaj (?:więcej|dalej)|leggi (?:tutto|di più)|continue reading|keep reading)\s*[\])»›>…]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadMoreEnding();

    /// <summary>A line of contact details: a telephone label with its number at its end, with or without a name and an address before it.</summary>
    [GeneratedRegex(@"^[^.!?]{0,80}\b(?:tel\.?|telefon|telephone|phone|fon|fax|hotline|buchungshotline)\s*:\s*[+(\d][\d\s()/+-]{5,}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContactLine();

    /// <summary>An advertisement's label set in capitals before its text ("ANZEIGE - Heute mal ausgehen?", "SPONSORED | ...").</summary>
    /// <summary>Longest line that <see cref="FollowOrShareLine"/> takes.</summary>
    private const int FollowLineMaxChars = 160;

    /// <summary>
    /// A line that asks the reader to follow the site or its author, share the page or join its newsletter, from its
    /// first word ("Follow us on Telegram, Facebook ...", "Follow me on instagram: @...", "Share this on:", "Join Our
    /// Genius Newsletter"). "Follow us" must go on to where ("on", "at"), so "Follow us as we climb ..." is the author's.
    /// </summary>
    [GeneratedRegex(@"^\W*(?:follow (?:us|me)(?:\s+(?:on|at|@)\b|\s*[:!]?\s*$)|follow on social|share this(?: on| content| article| post| story)?\s*:?$|subscribe to our\b|join our (?:[\w-]+ ){0,2}newsletter|thank you for subscribing|folgen sie uns\b|folge uns\b|suivez-nous\b|síguenos\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FollowOrShareLine();

    /// <summary>
    /// A byline set as a line of its own, by the part each person played ("Written by Jane Doe", "Reviewed by,",
    /// "Medically reviewed by ...", "Posted by X on Friday ..."); "Published by" and "Photo by" name a book's publisher
    /// or a picture's author in the text as often.
    /// </summary>
    [GeneratedRegex(@"^(?:written|reviewed|edited|fact[- ]checked|medically reviewed|posted)\s+by\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditedByLine();

    [GeneratedRegex(@"^(?:ANZEIGE|WERBUNG|ADVERTISEMENT|SPONSORED|PUBLICIDAD|PUBLICITÉ|REKLAMA)\s*[-–—|]\s", RegexOptions.CultureInvariant)]
    private static partial Regex AdvertisementLabel();

    /// <summary>A browser's push-notification prompt ("Benachrichtigung aktivieren", "Enable notifications").</summary>
    [GeneratedRegex(@"\bbenachrichtigung(?:en)? aktivieren\b|\benable (?:push )?notifications\b|\bactiver les notifications\b|\bactivar (?:las )?notificaciones\b|\bturn on (?:push )?notifications\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PushPrompt();

    /// <summary>A forum's count of who is online ("13 Besucher sind online").</summary>
    [GeneratedRegex(@"\b\d+ (?:besucher|benutzer|gäste|mitglieder|users?|visitors?|guests?|members?) (?:sind |are |is )?online\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VisitorsOnline();

    /// <summary>A download link's file type and size ("PDF | 38 KB").</summary>
    [GeneratedRegex(@"\b(?:pdf|docx?|xlsx?|pptx?|zip|odt)\s*[|,(]\s*\d+(?:[.,]\d+)?\s*[kmg]i?b\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileSize();

    /// <summary>An agency's sign-off under a report: the editor's initials and the agency ("aja/PAP", "dpa/lno", "(mbr/AFP)").</summary>
    [GeneratedRegex(@"^\(?\p{Ll}{2,5}(?:/\p{L}{2,6})+\)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AgencySignOff();

    /// <summary>A row of two or more widget labels and nothing else ("Bild anzeigen Bild schließen", "Gefällt mir Wird geladen...").</summary>
    [GeneratedRegex(@"^(?:(?:bild (?:anzeigen|schließen)|(?:rezept )?drucken|(?:bei )?pinterest speichern|speichern|merken|gefällt mir|wird geladen\.*|loading\.*|\(?noch keine bewertungen\)?|weiterlesen|read more|\d+ (?:min\.?|minuten|minutes)|teilen|share|like|print|tweet|e-?mail|kommentieren)(?:\s*[|·•]?\s*|$)){2,}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WidgetLabels();

    /// <summary>A scripting language's warning printed into the page ("Warning: Creating default object ... on line 407").</summary>
    [GeneratedRegex(@"^(?:warning|notice|deprecated|fatal error|parse error|strict standards):\s.{0,280}\bon line \d+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ServerError();

    /// <summary>A blog's line under a post that says when and where it was filed ("This entry was posted in News ...").</summary>
    [GeneratedRegex(@"^(?:this (?:entry|post) was posted\b|(?:dieser|der) (?:beitrag|eintrag|artikel) wurde\b.{0,80}\bveröffentlicht\b|ce (?:billet|article) a été (?:publié|posté)\b|esta entrada fue publicada\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PostedInLine();

    [GeneratedRegex(@"\bpermalink\b|\babgelegt\b|\bkategorie|\bcategor|\bfiled under\b|\btagged\b|\bschlagw", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PostedInWhere();
}
