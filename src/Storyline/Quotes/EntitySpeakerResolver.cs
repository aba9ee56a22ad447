using Storyline.Entities;
using Storyline.Model;

namespace Storyline.Quotes;

/// <summary>
/// Names speakers through the entity stage: the entity whose mention overlaps the speaker's words most ("the
/// spokesman" bound to Dmitry Peskov by the entity resolver's role binding). Immutable; thread-safe.
/// </summary>
public sealed class EntitySpeakerResolver : ISpeakerResolver
{
    private readonly Dictionary<string, List<(int Start, int End, string Name, bool ByName)>> _mentions = new(StringComparer.Ordinal);

    /// <param name="entities">The entities of the articles whose quotes are extracted (<see cref="EntityResolver.Resolve"/>).</param>
    public EntitySpeakerResolver(IEnumerable<ResolvedEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        foreach (var entity in entities)
        {
            foreach (var m in entity.Mentions)
            {
                if (!_mentions.TryGetValue(m.ArticleId, out var list))
                {
                    _mentions[m.ArticleId] = list = [];
                }

                list.Add((m.Start, m.Start + m.Length, entity.Name, m.Kind == MentionKind.Name));
            }
        }
    }

    /// <inheritdoc />
    public string? Resolve(Article article, CharSpan speaker)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (!_mentions.TryGetValue(article.Id, out var list))
        {
            return null;
        }

        string? best = null;
        var bestScore = 0;
        foreach (var (start, end, name, byName) in list)
        {
            var overlap = Math.Min(end, speaker.End) - Math.Max(start, speaker.Start);

            // A name inside the speaker's words beats a demonym ("Kremlin spokesman Dmitry Peskov": Peskov, not Kremlin);
            // the mention ending last is the head of the phrase.
            var score = overlap <= 0 ? 0 : (overlap * 4) + (byName ? 2 : 0) + (end >= speaker.End ? 1 : 0);
            if (score > bestScore)
            {
                best = name;
                bestScore = score;
            }
        }

        return best;
    }
}
