using Storyline.Extract.Html;

namespace Storyline.Tests.Extract.Html;

/// <summary>A byline gives a person's name, without the labels and links' words around it, or nothing.</summary>
public class AuthorNameTests
{
    [Theory]
    [InlineData("Zeige alle Beiträge von Cem Basman", "Cem Basman")]
    [InlineData("View all posts by Jane Doe", "Jane Doe")]
    [InlineData("Alle Artikel von Tanja Karrasch", "Tanja Karrasch")]
    [InlineData("Alles von Martin Junker", "Martin Junker")]
    [InlineData("More from Jane Doe", "Jane Doe")]
    [InlineData("Interview: Julia Lauter", "Julia Lauter")]
    [InlineData("Text und Interview: Harald Willenbrock", "Harald Willenbrock")]
    [InlineData("Artikel von: hausinfo", "hausinfo")]
    [InlineData("Von: Wolfgang Schmale", "Wolfgang Schmale")]
    [InlineData("责任编辑：孔德明", "孔德明")]
    [InlineData("Sara Zinnecker Stand 12.03.2022", "Sara Zinnecker")]
    [InlineData("'Luana Patriolino, Raphael Felice'", "Luana Patriolino, Raphael Felice")]
    public void Labels_around_a_name_are_dropped(string byline, string expected)
    {
        Assert.Equal(expected, HtmlMetadata.CleanAuthor(byline));
    }

    [Theory]
    [InlineData("Zuletzt geändert")]
    [InlineData("Stand")]
    [InlineData("No Author")]
    [InlineData("YouTube")]
    [InlineData("Alle Artikel")]
    [InlineData("Afficher mon profil complet")]
    [InlineData("Revised Edition Edited by Adrian Parr")]
    [InlineData("Geprüft von Dr. med. Stefan Frädrich")]
    [InlineData("Christian Dupuis is a software engineering leader with")]
    [InlineData("cipha[at]cipha.net")]
    [InlineData("https://example.com/author/jane/#author")]
    public void Words_that_are_no_name_give_none(string byline)
    {
        Assert.Null(HtmlMetadata.CleanAuthor(byline));
    }
}
