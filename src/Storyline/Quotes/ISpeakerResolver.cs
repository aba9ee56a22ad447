using Storyline.Model;

namespace Storyline.Quotes;

/// <summary>
/// Names the entity behind a speaker mention ("the spokesman", "Peskov", "Russia's foreign ministry"). The entity
/// stage plugs in here; without it, speakers stay as their own words. Implementations must be thread-safe.
/// </summary>
public interface ISpeakerResolver
{
    /// <summary>The entity's name for the mention at <paramref name="speaker"/> of <paramref name="article"/>'s text, or null when unknown.</summary>
    string? Resolve(Article article, CharSpan speaker);
}
