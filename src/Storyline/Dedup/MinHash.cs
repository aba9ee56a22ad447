namespace Storyline.Dedup;

/// <summary>
/// MinHash signatures over shingle hashes, and the LSH banding that turns them into candidate pairs. The bands
/// and rows are chosen from the target similarity so that pairs above it are found with high probability and
/// pairs well below it rarely become candidates. Immutable and thread-safe.
/// </summary>
internal sealed class MinHash
{
    private readonly ulong[] _seeds;

    public MinHash(int permutations, double targetSimilarity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        _seeds = new ulong[permutations];
        var s = 0x5EED5EED5EED5EEDUL;
        for (var i = 0; i < permutations; i++)
        {
            s = Shingles.Mix(s);
            _seeds[i] = s;
        }

        (Bands, Rows) = ChooseBanding(permutations, targetSimilarity);
    }

    public int Permutations => _seeds.Length;

    public int Bands { get; }

    public int Rows { get; }

    /// <summary>The signature: for each permutation, the least permuted hash (high 32 bits kept, enough to compare).</summary>
    public uint[] Signature(IReadOnlyCollection<ulong> shingles)
    {
        var sig = new uint[_seeds.Length];
        Array.Fill(sig, uint.MaxValue);
        foreach (var sh in shingles)
        {
            for (var i = 0; i < _seeds.Length; i++)
            {
                var v = (uint)(Shingles.Mix(sh ^ _seeds[i]) >> 32);
                if (v < sig[i])
                {
                    sig[i] = v;
                }
            }
        }

        return sig;
    }

    /// <summary>The estimated Jaccard similarity: the share of positions where the signatures agree.</summary>
    public static double Similarity(uint[] a, uint[] b)
    {
        var same = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                same++;
            }
        }

        return (double)same / a.Length;
    }

    /// <summary>The signature as held for later comparison: 8 bits of each value: 128 MB at a million articles with 128 permutations, where 16 bits took 256 MB.</summary>
    public static byte[] Compact(uint[] signature)
    {
        var compact = new byte[signature.Length];
        Compact(signature, compact);
        return compact;
    }

    /// <summary>The compact signature (<see cref="Compact(uint[])"/>) written into a row of a caller's table.</summary>
    public static void Compact(uint[] signature, Span<byte> into)
    {
        for (var i = 0; i < signature.Length; i++)
        {
            into[i] = (byte)signature[i];
        }
    }

    /// <summary>
    /// The estimated Jaccard similarity of a signature and a compacted one (b-bit MinHash): the share of positions
    /// where the low 8 bits agree, less the one chance in 256 that two different values agree by accident (Li and König 2010).
    /// </summary>
    public static double Similarity(uint[] a, ReadOnlySpan<byte> compact)
    {
        var same = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if ((byte)a[i] == compact[i])
            {
                same++;
            }
        }

        const double Chance = 1.0 / 256;
        return Math.Max(0, (((double)same / a.Length) - Chance) / (1 - Chance));
    }

    /// <summary>
    /// The bucket key of one band of a signature (the band's index is part of the key). 32 bits: at a million articles
    /// of 11 bands, a new key meets an unrelated article's by chance about once in 400 look-ups, which costs one
    /// signature comparison, and a key takes 8 bytes of the band table, not 12.
    /// </summary>
    public uint BandKey(uint[] signature, int band)
    {
        var h = Shingles.Mix((ulong)band + 1);
        for (var r = 0; r < Rows; r++)
        {
            h = Shingles.Mix(h ^ signature[(band * Rows) + r]);
        }

        return (uint)(h >> 32);
    }

    /// <summary>
    /// Bands b and rows r (b·r ≤ n) minimising the false-positive area below the threshold plus the
    /// false-negative area above it, of the candidate probability 1 − (1 − s^r)^b; misses weigh double, since
    /// a candidate is checked afterwards and a miss is lost for good.
    /// </summary>
    public static (int Bands, int Rows) ChooseBanding(int permutations, double threshold)
    {
        var best = (Bands: permutations, Rows: 1);
        var bestError = double.MaxValue;
        for (var r = 1; r <= permutations; r++)
        {
            var b = permutations / r;
            if (b < 1)
            {
                break;
            }

            var fp = Integrate(s => 1 - Math.Pow(1 - Math.Pow(s, r), b), 0, threshold);
            var fn = Integrate(s => Math.Pow(1 - Math.Pow(s, r), b), threshold, 1);
            var error = fp + (2 * fn);
            if (error < bestError)
            {
                bestError = error;
                best = (b, r);
            }
        }

        return best;
    }

    private static double Integrate(Func<double, double> f, double a, double b)
    {
        const int Steps = 200;
        var h = (b - a) / Steps;
        var sum = 0.0;
        for (var i = 0; i < Steps; i++)
        {
            sum += f(a + ((i + 0.5) * h));
        }

        return sum * h;
    }
}
