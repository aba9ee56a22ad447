using System.IO.Compression;
using System.Text.Json;
using Storyline.Text;

namespace Storyline.Entities;

/// <summary>
/// How often each word is written with a capital in the middle of a sentence, learned from unlabeled news
/// (only the numbers are kept: a word and its bucket). A word that is capitalised only because it opens a
/// sentence or sits in a capitals headline ("TURKISH", "The") can then be told from a name. Immutable.
/// </summary>
internal sealed class CasingStatistics
{
    /// <summary>The embedded table's resource name.</summary>
    internal const string Resource = "casing.tsv.gz";

    private static readonly Lazy<CasingStatistics?> LazyDefault = new(() =>
        Gazetteer.HasResource(Resource) ? new CasingStatistics(Gazetteer.ReadLines(Resource)) : null);

    private readonly Dictionary<ulong, byte> _buckets = [];

    private CasingStatistics(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0 && byte.TryParse(line.AsSpan(tab + 1), out var b))
            {
                _buckets[FeatureHash.OfFolded(line.AsSpan(0, tab))] = b;
            }
        }
    }

    /// <summary>The embedded table, or null in a build without it.</summary>
    public static CasingStatistics? Default => LazyDefault.Value;

    /// <summary>1 rarely capitalised (&lt;10%), 2 sometimes, 3 mostly (&gt;50%), 4 nearly always (&gt;90%); 0 unseen.</summary>
    public byte Bucket(ulong foldedHash) => _buckets.GetValueOrDefault(foldedHash);

    /// <summary>Counts mid-sentence casing in JSON Lines files (gzip or not) with a "text" field; writes "word\tbucket" lines, gzip.</summary>
    public static int Build(IEnumerable<string> jsonlFiles, Stream output, int minCount = 5)
    {
        var counts = new Dictionary<string, (int Upper, int Total)>(StringComparer.Ordinal);
        var tokens = new List<Token>();
        foreach (var text in UnlabeledTexts.Read(jsonlFiles))
        {
            tokens.Clear();
            Tokenizer.Tokenize(text, tokens);
            foreach (var s in SentenceSplitter.Split(text, tokens))
            {
                if (IsCaps(text, tokens, s))
                {
                    continue;
                }

                for (var k = s.FirstToken + 1; k < s.FirstToken + s.TokenCount; k++)
                {
                    var word = tokens[k].In(text);
                    if (!char.IsLetter(word[0]) || word.Length > 30)
                    {
                        continue;
                    }

                    var key = TextNormalizer.StripDiacritics(word.ToString()).ToLowerInvariant();
                    var c = counts.GetValueOrDefault(key);
                    counts[key] = (c.Upper + (char.IsUpper(word[0]) ? 1 : 0), c.Total + 1);
                }
            }
        }

        var written = 0;
        using var gz = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gz) { NewLine = "\n" };
        writer.WriteLine("# word\tbucket: share written with a capital mid-sentence (1 <10%, 2 <50%, 3 <90%, 4 >=90%), counted over unlabeled news");
        foreach (var (word, (upper, total)) in counts.Where(kv => kv.Value.Total >= minCount).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var share = (double)upper / total;
            var bucket = share < 0.1 ? 1 : share < 0.5 ? 2 : share < 0.9 ? 3 : 4;
            writer.Write(word);
            writer.Write('\t');
            writer.WriteLine(bucket);
            written++;
        }

        return written;
    }

    private static bool IsCaps(string text, List<Token> tokens, Sentence s)
    {
        var upper = 0;
        var lower = 0;
        for (var k = s.FirstToken; k < s.FirstToken + s.TokenCount; k++)
        {
            foreach (var c in tokens[k].In(text))
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

        return lower * 4 < upper;
    }
}
