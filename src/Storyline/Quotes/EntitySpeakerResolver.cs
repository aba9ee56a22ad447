using Storyline.Entities;
using Storyline.Model;

namespace Storyline.Quotes;

/// <summary>
/// Names quote speakers with the entities resolved for the same articles: a speaker span that covers an
/// entity's mention is that entity ("Kremlin spokesman Dmitry Peskov" → Dmitry Peskov); a role with no name
/// ("the spokesman", "the Turkish leader") is the one person or organisation that role was bound to in the
/// story, and stays unresolved when several hold it. Immutable and thread-safe.
/// </summary>
public sealed class EntitySpeakerResolver : ISpeakerResolver
{
    private readonly Dictionary<string, List<(int Start, int End, ResolvedEntity Entity)>> _mentions = new(StringComparer.Ordinal);
    private readonly List<ResolvedEntity> _speakers;

    public EntitySpeakerResolver(IEnumerable<ResolvedEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        _speakers = [.. entities.Where(e => e.Type is EntityType.Person or EntityType.Organization)];
        foreach (var entity in _speakers)
        {
            foreach (var m in entity.Mentions)
            {
                if (!_mentions.TryGetValue(m.ArticleId, out var list))
                {
                    _mentions[m.ArticleId] = list = [];
                }

                list.Add((m.Start, m.Start + m.Length, entity));
            }
        }
    }

    public string? Resolve(Article article, CharSpan speaker)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (_mentions.TryGetValue(article.Id, out var list))
        {
            // People before organisations ("Kremlin spokesman Dmitry Peskov" covers both), then the widest overlap.
            var best = list
                .Where(m => m.Start < speaker.End && speaker.Start < m.End)
                .OrderBy(m => m.Entity.Type == EntityType.Person ? 0 : 1)
                .ThenByDescending(m => Math.Min(m.End, speaker.End) - Math.Max(m.Start, speaker.Start))
                .ThenBy(m => m.Start)
                .Select(m => m.Entity)
                .FirstOrDefault();
            if (best is not null)
            {
                return best.Name;
            }
        }

        var words = speaker.Of(article.Text).Trim();
        var role = StripArticle(words);
        if (role.Length == 0)
        {
            return null;
        }

        var holders = _speakers
            .Where(e => e.Roles.Any(r => RoleMatches(r, role)))
            .Select(e => e.Name)
            .Distinct(StringComparer.Ordinal)
            .Take(2)
            .ToList();
        return holders.Count == 1 ? holders[0] : null;
    }

    private static string StripArticle(string words)
    {
        foreach (var prefix in new[] { "the ", "The ", "a ", "A " })
        {
            if (words.StartsWith(prefix, StringComparison.Ordinal))
            {
                return words[prefix.Length..].Trim();
            }
        }

        return words;
    }

    /// <summary>"spokesman" and "Kremlin spokesman" match the role "Kremlin spokesman"; "Turkish leader" matches "Turkish President" only by its head word when the modifiers agree.</summary>
    private static bool RoleMatches(string role, string text)
    {
        if (role.Equals(text, StringComparison.OrdinalIgnoreCase) || role.EndsWith(" " + text, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var roleWords = role.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var textWords = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return textWords.Length >= 2 && roleWords.Length >= 2
            && textWords[0].Equals(roleWords[0], StringComparison.OrdinalIgnoreCase)
            && textWords[^1] is "leader" or "chief" or "head" or "official"
            && roleWords[^1].Length > 0 && char.IsUpper(roleWords[^1][0]);
    }
}
