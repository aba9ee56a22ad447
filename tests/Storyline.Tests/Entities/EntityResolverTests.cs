using Storyline.Entities;
using Storyline.Model;

namespace Storyline.Tests.Entities;

public sealed class EntityResolverTests
{
    private static Article Article(string id, string text) => new() { Id = id, Origin = id, Text = text };

    [Fact]
    public void Names_merge_by_structure_and_diacritics_across_articles()
    {
        var articles = new[]
        {
            Article("a1", "Turkish President Recep Tayyip Erdoğan met President Vladimir Putin in Sochi on Tuesday."),
            Article("a2", "Erdogan said the talks in Sochi went well, and Putin agreed. Tayyip Erdogan flew home."),
        };
        var entities = EntityResolver.Default.Resolve(articles);
        var erdogan = Assert.Single(entities, e => e.Name == "Recep Tayyip Erdoğan");
        Assert.Equal(EntityType.Person, erdogan.Type);
        Assert.Contains("Erdogan", erdogan.Aliases);
        Assert.Contains("Tayyip Erdogan", erdogan.Aliases);
        Assert.Equal(2, erdogan.MentionCounts.Count);
        Assert.Contains("Turkish President", erdogan.Roles);

        var putin = Assert.Single(entities, e => e.Name == "Vladimir Putin");
        Assert.Contains("Putin", putin.Aliases);
        Assert.DoesNotContain(entities, e => e.Name.StartsWith("President", StringComparison.Ordinal));

        var turkey = Assert.Single(entities, e => e.CountryCode == "TR");
        Assert.Equal("Turkey", turkey.Name);
        Assert.Contains(turkey.Mentions, m => m.Kind == MentionKind.Demonym && m.Text == "Turkish");
    }

    [Fact]
    public void A_role_bound_by_apposition_resolves_later_role_mentions_in_the_article()
    {
        var text = "Kremlin spokesman Dmitry Peskov spoke on Monday. The talks were hard, the spokesman added.";
        var entities = EntityResolver.Default.Resolve([Article("a1", text)]);
        var peskov = Assert.Single(entities, e => e.Name == "Dmitry Peskov");
        Assert.Contains("Kremlin spokesman", peskov.Roles);
        var role = Assert.Single(peskov.Mentions, m => m.Kind == MentionKind.Role);
        Assert.Equal("the spokesman", text.Substring(role.Start, role.Length));
    }

    [Fact]
    public void A_renaming_in_brackets_makes_one_place()
    {
        var entities = EntityResolver.Default.Resolve([Article("a1", "The talks were held in Astana (now Nur-Sultan) in May 2017.")]);
        var place = Assert.Single(entities, e => e.Name == "Astana" || e.Aliases.Contains("Astana"));
        Assert.Contains("Nur-Sultan", place.Aliases.Append(place.Name));
        Assert.Equal(EntityType.Location, place.Type);
    }

    [Fact]
    public void An_acronym_in_brackets_names_the_organisation_wherever_it_stands()
    {
        var text = "Ankara attacked the Self-Defense Forces (YPG) near the border. Kurdish YPG fighters withdrew.";
        var entities = EntityResolver.Default.Resolve([Article("a1", text)]);
        var ypg = Assert.Single(entities, e => e.Aliases.Contains("YPG") || e.Name == "YPG");
        Assert.Equal(EntityType.Organization, ypg.Type);
        Assert.Equal(2, ypg.Mentions.Count(m => m.Text == "YPG"));
    }

    [Fact]
    public void No_articles_no_entities() => Assert.Empty(EntityResolver.Default.Resolve([]));
}
