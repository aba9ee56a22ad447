using Storyline.Text;

namespace Storyline.Dedup;

/// <summary>
/// Word-level fingerprints: the hashes of a text's words after folding typography and case, its word shingles,
/// and a paragraph's full, head and tail keys. Stateless and thread-safe.
/// </summary>
internal static class Shingles
{
    /// <summary>The hashes of the words (maximal runs of letters or digits, lower-cased, diacritics kept) of the text.</summary>
    public static List<ulong> WordHashes(ReadOnlySpan<char> text)
    {
        var hashes = new List<ulong>();
        Span<char> buffer = stackalloc char[64];
        var length = 0;
        var overflow = new System.Text.StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                var c = char.ToLowerInvariant(ch);
                if (length < buffer.Length)
                {
                    buffer[length] = c;
                }
                else
                {
                    if (overflow.Length == 0)
                    {
                        overflow.Append(buffer);
                    }

                    overflow.Append(c);
                }

                length++;
            }
            else if (length > 0)
            {
                hashes.Add(Flush(buffer, length, overflow));
                length = 0;
            }
        }

        if (length > 0)
        {
            hashes.Add(Flush(buffer, length, overflow));
        }

        return hashes;
    }

    private static ulong Flush(Span<char> buffer, int length, System.Text.StringBuilder overflow)
    {
        if (length <= buffer.Length)
        {
            return ContentHash.Hash64(buffer[..length]);
        }

        var hash = ContentHash.Hash64(overflow.ToString());
        overflow.Clear();
        return hash;
    }

    /// <summary>The distinct hashes of the word k-shingles (a text shorter than k gives one shingle of all its words).</summary>
    public static HashSet<ulong> Of(IReadOnlyList<ulong> words, int k)
    {
        var set = new HashSet<ulong>();
        if (words.Count == 0)
        {
            return set;
        }

        var n = Math.Min(k, words.Count);
        for (var i = 0; i + n <= words.Count; i++)
        {
            set.Add(Combine(words, i, n));
        }

        return set;
    }

    /// <summary>An order-sensitive hash of <paramref name="count"/> word hashes from <paramref name="start"/>.</summary>
    public static ulong Combine(IReadOnlyList<ulong> words, int start, int count)
    {
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)count;
        for (var i = start; i < start + count; i++)
        {
            h = Mix(h ^ words[i]);
        }

        return h;
    }

    /// <summary>A 64-bit finaliser (splitmix64): spreads every input bit over the output.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
