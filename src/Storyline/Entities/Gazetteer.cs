using System.Collections.Frozen;
using System.IO.Compression;
using System.Reflection;
using Storyline.Text;

namespace Storyline.Entities;

/// <summary>Which list a gazetteer phrase is on (a phrase may be on several).</summary>
[Flags]
internal enum GazetteerList : byte
{
    None = 0,
    Country = 1,
    City = 2,
    Demonym = 4,
}

/// <summary>A country as the gazetteer knows it.</summary>
/// <param name="Code">ISO 3166-1 alpha-2.</param>
/// <param name="Name">The common English name ("Turkey" where the data's common name is a local form, see <see cref="Gazetteer"/>).</param>
internal sealed record Country(string Code, string Name, IReadOnlyList<string> Names, IReadOnlyList<string> Demonyms);

/// <summary>
/// Place names from GeoNames (cities of 15,000 people or more) and world-countries (countries, their names and
/// demonyms), embedded as resources (see Resources/NOTICE.md). Phrases are matched on folded tokens (lower case,
/// no diacritics). Immutable and thread-safe once loaded.
/// </summary>
internal sealed class Gazetteer
{
    internal const string FirstNamesResource = "first-names.tsv.gz";

    private static readonly Lazy<Gazetteer> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<ulong, GazetteerList> _phrases;
    private readonly FrozenDictionary<string, Country> _countryByName;
    private readonly FrozenDictionary<string, Country> _countryByDemonym;
    private readonly HashSet<ulong> _firstNames;

    private Gazetteer(Dictionary<ulong, GazetteerList> phrases, int maxTokens, FrozenDictionary<string, Country> byName, FrozenDictionary<string, Country> byDemonym, HashSet<ulong> firstNames)
    {
        _phrases = phrases;
        _firstNames = firstNames;
        MaxTokens = maxTokens;
        _countryByName = byName;
        _countryByDemonym = byDemonym;
    }

    /// <summary>The embedded lists, loaded once.</summary>
    public static Gazetteer Default => LazyDefault.Value;

    /// <summary>The longest phrase, in tokens.</summary>
    public int MaxTokens { get; }

    /// <summary>The country named by <paramref name="name"/> ("Turkey", "Republic of Turkey", "Türkiye"), if any.</summary>
    public Country? CountryByName(string name) => _countryByName.GetValueOrDefault(Key(name));

    /// <summary>The country of a demonym or country adjective ("Turkish", "Russian"), if any.</summary>
    public Country? CountryByDemonym(string word) => _countryByDemonym.GetValueOrDefault(Key(word));

    /// <summary>Which lists hold the phrase whose folded tokens hash to <paramref name="phraseHash"/> (see <see cref="PhraseHash"/>).</summary>
    public GazetteerList Lookup(ulong phraseHash) => _phrases.GetValueOrDefault(phraseHash);

    /// <summary>Whether the folded word (<see cref="FeatureHash.OfFolded"/>) is a common English first name ("Dmitry" is not, "Peter" is).</summary>
    public bool IsFirstName(ulong foldedWord) => _firstNames.Contains(foldedWord);

    /// <summary>Extends a phrase hash by one token's folded hash (<see cref="FeatureHash.OfFolded"/>); start from 0.</summary>
    public static ulong PhraseHash(ulong previous, ulong foldedToken) => previous == 0 ? foldedToken : FeatureHash.Mix(previous, foldedToken);

    /// <summary>Whether the phrase is on any list.</summary>
    public GazetteerList Lists(string phrase)
    {
        ulong h = 0;
        foreach (var t in Tokenizer.Tokenize(phrase))
        {
            h = PhraseHash(h, FeatureHash.OfFolded(t.In(phrase)));
        }

        return Lookup(h);
    }

    private static string Key(string s) => TextNormalizer.StripDiacritics(s).ToLowerInvariant();

    private static Gazetteer Load()
    {
        var phrases = new Dictionary<ulong, GazetteerList>();
        var maxTokens = 1;
        void Add(string phrase, GazetteerList list)
        {
            var tokens = Tokenizer.Tokenize(phrase);
            if (tokens.Count == 0)
            {
                return;
            }

            ulong h = 0;
            foreach (var t in tokens)
            {
                h = PhraseHash(h, FeatureHash.OfFolded(t.In(phrase)));
            }

            phrases[h] = phrases.GetValueOrDefault(h) | list;
            maxTokens = Math.Max(maxTokens, tokens.Count);
        }

        var byName = new Dictionary<string, Country>(StringComparer.Ordinal);
        var byDemonym = new Dictionary<string, Country>(StringComparer.Ordinal);
        foreach (var line in ReadLines("countries.tsv.gz"))
        {
            var f = line.Split('\t');
            if (f.Length < 4)
            {
                continue;
            }

            var names = f[2].Split('|', StringSplitOptions.RemoveEmptyEntries);
            var demonyms = f[3].Split('|', StringSplitOptions.RemoveEmptyEntries);

            // The data's common name is sometimes the local form ("Türkiye"); English news says the short
            // English name that the data gives as "Republic of X".
            var common = f[1];
            var english = names.FirstOrDefault(n => n.StartsWith("Republic of ", StringComparison.Ordinal) && !n.Contains('ü', StringComparison.Ordinal));
            if (common.Any(c => c > 127) && english is not null)
            {
                common = english["Republic of ".Length..];
            }

            var country = new Country(f[0], common, names, demonyms);
            foreach (var n in names.Append(common))
            {
                Add(n, GazetteerList.Country);
                byName.TryAdd(Key(n), country);
            }

            foreach (var d in demonyms)
            {
                Add(d, GazetteerList.Demonym);
                byDemonym.TryAdd(Key(d), country);
            }
        }

        foreach (var line in ReadLines("cities.tsv.gz"))
        {
            var f = line.Split('\t');
            Add(f[0], GazetteerList.City);
            if (f.Length > 1 && f[1].Length > 0)
            {
                Add(f[1], GazetteerList.City);
            }
        }

        var firstNames = new HashSet<ulong>();
        if (HasResource(FirstNamesResource))
        {
            foreach (var line in ReadLines(FirstNamesResource))
            {
                firstNames.Add(FeatureHash.OfFolded(line.Trim()));
            }
        }

        return new Gazetteer(phrases, Math.Min(maxTokens, 6), byName.ToFrozenDictionary(), byDemonym.ToFrozenDictionary(), firstNames);
    }

    internal static IEnumerable<string> ReadLines(string resource)
    {
        using var stream = OpenResource(resource);
        using var gz = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }

    internal static Stream OpenResource(string name)
    {
        var assembly = typeof(Gazetteer).Assembly;
        var full = "Storyline.Entities.Resources." + name;
        return assembly.GetManifestResourceStream(full)
            ?? throw new InvalidOperationException($"embedded resource {full} is missing from {assembly.GetName().Name}");
    }

    /// <summary>True when the embedded resource exists (the model is absent until trained once).</summary>
    internal static bool HasResource(string name) =>
        typeof(Gazetteer).Assembly.GetManifestResourceInfo("Storyline.Entities.Resources." + name) is not null;
}
