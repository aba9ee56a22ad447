using Storyline.Stories;

namespace Storyline.Tests.Stories;

public class NonArticleFilterTests
{
    [Theory]
    [InlineData("archive notice", "These pages were collected by a web crawl of the Internet Archive. The crawl data is added to the Wayback Machine later.")]
    [InlineData("social widget page", "Tweet with a location", "You can add location information to your Tweets from the web and via third-party applications at any time.")]
    [InlineData("error page", "JavaScript is disabled", "You need to enable JavaScript to use this player and listen to the episode you asked for.")]
    [InlineData("paywall stub", "Subscribe to continue reading this story. Already a subscriber? Log in to continue with your account today.")]
    [InlineData("cookie wall", "We use cookies to improve your experience on our site. By continuing you accept cookies as our cookie policy explains.")]
    [InlineData("archive notice", "Where this crawl began:", "- Front pages of every site on the list", "-- ranked by how many incoming links from other sites point to them (inter-domain links of the previous crawl)", "-- at most fifty of the highest ranked urls per site")]
    [InlineData("sign-up box", "Thank you for supporting the campaign to save the old pier.", "Press the button to add your name.", "Note: you must confirm your signature by email before it counts.")]
    public void Short_pages_made_of_such_wording_are_recognised(string reason, params string[] lines)
    {
        Assert.Equal(reason, NonArticleFilter.Default.Reason(Invented.Article("p", lines)));
    }

    [Fact]
    public void A_page_made_of_several_kinds_of_notice_is_named_for_the_larger()
    {
        // A crawl notice above an error page's lines: neither kind alone is most of the page, both together are.
        string[] lines =
        [
            "This material is currently not publicly accessible.",
            "Since 2001 the crawler has been donating its crawl data to the library, where it is added after a delay of some months.",
            "Sorry, the page you asked for could not be found.",
            "If you followed a link from another site, the address may be out of date. Please choose a section from the menu at the top of this page instead.",
            "Our archive of older stories is kept for one month only, and you may find the story you wanted there.",
        ];
        Assert.Equal("archive notice", NonArticleFilter.Default.Reason(Invented.Article("p", lines)));
    }

    [Fact]
    public void A_fragment_is_too_short_to_be_an_article()
    {
        Assert.StartsWith("fragment", NonArticleFilter.Default.Reason(Invented.Article("p", ["Police closed the road on Tuesday."])));
    }

    [Fact]
    public void An_article_that_mentions_the_internet_archive_is_still_an_article()
    {
        var lines = Invented.Paragraphs(0, 0, 8).Append("Older versions of the council's page are kept by the Internet Archive in its Wayback Machine, officials said.");
        Assert.Null(NonArticleFilter.Default.Reason(Invented.Article("p", lines)));
    }
}
