using System.Runtime.InteropServices;

namespace Storyline.Stories;

/// <summary>
/// How many articles carry each term, learned from the articles seen so far (online) on top of a background of
/// news, so rare words weigh more than common ones. Not thread-safe: the clusterer owns it.
/// </summary>
internal sealed class DocumentFrequencies(BackgroundFrequencies? background = null)
{
    // A term's count and its id in the clusterer's vectors, in one entry: the term's string is held once, not
    // once here and once in a vocabulary beside it.
    private readonly Dictionary<string, (int Count, int Id)> _df = new(StringComparer.Ordinal);
    private readonly BackgroundFrequencies _background = background ?? BackgroundFrequencies.Empty;
    private int _ids;

    public int Documents { get; private set; }

    public void Add(IEnumerable<string> distinctTerms)
    {
        foreach (var t in distinctTerms)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_df, t, out var known);
            entry = (entry.Count + 1, known ? entry.Id : -1);
        }

        Documents++;
    }

    public int Count(string term) => _df.GetValueOrDefault(term).Count;

    /// <summary>The term's id, numbered from 0 in the order first asked for.</summary>
    public int Id(string term)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_df, term, out var known);
        if (!known || entry.Id < 0)
        {
            entry = (entry.Count, _ids++);
        }

        return entry.Id;
    }

    /// <summary>Smoothed inverse document frequency over the articles seen and the background: ln((N + 1) / (df + 1)) + 1, never below 1.</summary>
    public double Idf(string term) =>
        Math.Log((Documents + _background.Documents + 1.0) / (Count(term) + _background.Count(term) + 1.0)) + 1.0;
}
