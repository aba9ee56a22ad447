using System.Runtime.CompilerServices;

namespace Storyline.Entities;

/// <summary>
/// 64-bit hashes of feature strings computed from spans without allocating, so the tagger never builds the
/// feature's text. Stable across runs and platforms (the model stores them).
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(ReadOnlySpan<char> s)
    {
        var h = Offset;
        foreach (var c in s)
        {
            h = (h ^ c) * Prime;
        }

        return Finish(h);
    }

    /// <summary>Hash of the lower-cased, diacritic-free form ("Erdoğan" and "ERDOGAN" hash alike).</summary>
    public static ulong OfFolded(ReadOnlySpan<char> s)
    {
        var h = Offset;
        foreach (var c in s)
        {
            var f = c < 128 ? (char)(c is >= 'A' and <= 'Z' ? c + 32 : c) : FoldSlow(c);
            if (f != '\0')
            {
                h = (h ^ f) * Prime;
            }
        }

        return Finish(h);
    }

    private static char FoldSlow(char c)
    {
        if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
        {
            return '\0';
        }

        var lower = char.ToLowerInvariant(c);
        Span<char> one = [lower];
        var stripped = Text.TextNormalizer.StripDiacritics(new string(one));
        return stripped.Length == 1 ? stripped[0] : lower;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong a, ulong b) => Finish((a * 0x9E3779B97F4A7C15UL) ^ (b + 0x632BE59BD9B4E019UL + (a << 6) + (a >> 2)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong a, ulong b, ulong c) => Mix(Mix(a, b), c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Finish(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }
}
