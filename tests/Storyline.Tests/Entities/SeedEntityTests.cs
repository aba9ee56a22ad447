using Storyline.Entities;
using Storyline.Extract;
using Storyline.Model;
using Xunit.Abstractions;

namespace Storyline.Tests.Entities;

/// <summary>EXPECTED.md, "People and places": every person, place and organisation found, one entity each.</summary>
public sealed class SeedEntityTests(ITestOutputHelper output)
{
    private static readonly Lazy<(IReadOnlyList<Article> Articles, IReadOnlyList<ResolvedEntity> Entities)> Seeds = new(() =>
    {
        var articles = Directory.GetFiles(SharedData.Seeds, "*.txt").Order(StringComparer.Ordinal)
            .Select(p => PageExtractors.Default.Extract(DecodedPage.FromText(p, File.ReadAllText(p)), LineStatistics.Empty))
            .ToList();
        return (articles, EntityResolver.Default.Resolve(articles));
    });

    private static IReadOnlyList<ResolvedEntity> Entities => Seeds.Value.Entities;

    /// <summary>The one entity that goes by <paramref name="name"/> (as its name or an alias); fails when none or several do.</summary>
    private ResolvedEntity One(string name)
    {
        var matches = Entities.Where(e => e.Name == name || e.Aliases.Contains(name)).ToList();
        if (matches.Count != 1)
        {
            foreach (var e in Entities)
            {
                output.WriteLine($"{e.Type} {e.Name} [{string.Join(" | ", e.Aliases)}] roles [{string.Join(" | ", e.Roles)}]");
            }
        }

        Assert.True(matches.Count == 1, $"'{name}' should name exactly one entity, found {matches.Count}: {string.Join(", ", matches.Select(m => m.Name))}");
        return matches[0];
    }

    [SharedFact]
    public void Peskov_is_one_person_in_all_five_articles_with_his_roles()
    {
        var peskov = One("Dmitry Peskov");
        Assert.Equal(EntityType.Person, peskov.Type);
        Assert.Same(peskov, One("Peskov"));
        Assert.Equal(5, peskov.MentionCounts.Count);
        Assert.Contains("Kremlin spokesman", peskov.Roles);
        Assert.Contains("Russian presidential spokesman", peskov.Roles);
        Assert.Contains("Russian President's spokesman", peskov.Roles);

        // "the spokesman" (002) and "The Kremlin's spokesman" (000) refer to him.
        Assert.Contains(peskov.Mentions, m => m.Kind == MentionKind.Role && m.Text.EndsWith("spokesman", StringComparison.Ordinal));
    }

    [SharedTheory]
    [InlineData("Recep Tayyip Erdogan", new[] { "Tayyip Erdogan", "Erdogan" })]
    [InlineData("Vladimir Putin", new[] { "Putin" })]
    [InlineData("Mevlut Cavusoglu", new[] { "Cavusoglu" })]
    [InlineData("Alexander Lavrentiev", new string[0])]
    [InlineData("Sergei Vershinin", new string[0])]
    [InlineData("Sedat Onal", new string[0])]
    [InlineData("Maria Zakharova", new string[0])]
    [InlineData("Bashar al-Assad", new string[0])]
    public void Each_person_is_one_entity_with_its_aliases(string name, string[] aliases)
    {
        var person = One(name);
        Assert.Equal(EntityType.Person, person.Type);
        Assert.Equal(name, person.Name);
        foreach (var alias in aliases)
        {
            Assert.Same(person, One(alias));
        }
    }

    [SharedTheory]
    [InlineData("Idlib")]
    [InlineData("Sochi")]
    [InlineData("Ankara")]
    [InlineData("Moscow")]
    [InlineData("Astana")]
    [InlineData("Latakia")]
    [InlineData("Hama")]
    [InlineData("Aleppo")]
    [InlineData("Damascus")]
    [InlineData("Khmeimim")]
    [InlineData("Baku")]
    public void Each_place_is_one_location(string name) => Assert.Equal(EntityType.Location, One(name).Type);

    [SharedFact]
    public void Idlib_is_in_all_five_articles_and_Astana_is_Nur_Sultan()
    {
        Assert.Equal(5, One("Idlib").MentionCounts.Count);
        Assert.Same(One("Astana"), One("Nur-Sultan"));
    }

    [SharedTheory]
    [InlineData("Kremlin")]
    [InlineData("Russian Defense Ministry")]
    [InlineData("Jebhat al-Nusra")]
    [InlineData("YPG")]
    [InlineData("United Nations")]
    [InlineData("Reuters")]
    public void Each_organisation_is_found_once(string name) => Assert.Equal(EntityType.Organization, One(name).Type);

    [SharedFact]
    public void Demonyms_link_to_their_country()
    {
        var turkey = One("Turkey");
        Assert.Equal("TR", turkey.CountryCode);
        Assert.Same(turkey, One("Turkish"));
        Assert.Contains(turkey.Mentions, m => m.Kind == MentionKind.Demonym);
    }

    [SharedFact]
    public void Every_mention_is_a_span_of_its_article_text()
    {
        var byId = Seeds.Value.Articles.ToDictionary(a => a.Id);
        foreach (var e in Entities)
        {
            foreach (var m in e.Mentions)
            {
                var text = byId[m.ArticleId].Text;
                Assert.InRange(m.Start, 0, text.Length - m.Length);
                Assert.Equal(Storyline.Text.TextNormalizer.Normalize(text.AsSpan(m.Start, m.Length)).TrimEnd('s').TrimEnd('\''), m.Text.TrimEnd('s').TrimEnd('\''));
            }

            Assert.Equal(e.Mentions.Length, e.MentionCounts.Values.Sum());
        }
    }

    [SharedFact]
    public void Resolution_is_deterministic()
    {
        var again = EntityResolver.Default.Resolve(Seeds.Value.Articles);
        Assert.Equal(Entities.Select(e => (e.Id, e.Name, e.Mentions.Length)), again.Select(e => (e.Id, e.Name, e.Mentions.Length)));
    }
}
