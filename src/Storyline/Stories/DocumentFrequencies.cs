namespace Storyline.Stories;

/// <summary>
/// How many articles carry each term, learned from the articles seen so far (online) on top of a background of
/// news, so rare words weigh more than common ones. Not thread-safe: the clusterer owns it.
/// </summary>
internal sealed class DocumentFrequencies(BackgroundFrequencies? background = null)
{
    private readonly Dictionary<string, int> _df = new(StringComparer.Ordinal);
    private readonly BackgroundFrequencies _background = background ?? BackgroundFrequencies.Empty;

    public int Documents { get; private set; }

    public void Add(IEnumerable<string> distinctTerms)
    {
        foreach (var t in distinctTerms)
        {
            _df[t] = _df.GetValueOrDefault(t) + 1;
        }

        Documents++;
    }

    public int Count(string term) => _df.GetValueOrDefault(term);

    /// <summary>Smoothed inverse document frequency over the articles seen and the background: ln((N + 1) / (df + 1)) + 1, never below 1.</summary>
    public double Idf(string term) =>
        Math.Log((Documents + _background.Documents + 1.0) / (Count(term) + _background.Count(term) + 1.0)) + 1.0;
}
