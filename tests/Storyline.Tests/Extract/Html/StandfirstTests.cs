using Storyline.Extract;
using Storyline.Extract.Html;
using Storyline.Model;

namespace Storyline.Tests.Extract.Html;

/// <summary>The standfirst above the element that holds the body is found past the page's chrome between them.</summary>
public class StandfirstTests
{
    private const string Lead = "The harbour bridge will be rebuilt from next spring, the council decided on Tuesday after a debate that lasted well into the night.";
    private const string Para1 = "The city council voted on Tuesday to rebuild the old harbour bridge, which has been closed to traffic since the storm damaged its eastern pillars last winter.";
    private const string Para2 = "Work is expected to start in the spring and take about eighteen months, according to the council's transport committee, which published its estimate of the cost.";
    private const string Para3 = "Residents who spoke at the meeting said the closure had doubled their journeys to the market, and several shop owners asked for a temporary ferry service.";

    [Fact]
    public void A_lead_above_a_linked_teaser_of_another_page_is_kept()
    {
        var html = $$"""
            <!DOCTYPE html><html lang="en"><head><title>Bridge to be rebuilt</title></head>
            <body><main><article>
              <h1>Bridge to be rebuilt</h1>
              <p>{{Lead}}</p>
              <p><a href="/2024/03/01/ferry">Ferry company doubles its crossings to the islands while the bridge stays closed to traffic</a></p>
              <div class="article-body"><p>{{Para1}}</p><p>{{Para2}}</p><p>{{Para3}}</p></div>
            </article></main></body></html>
            """;
        var a = new HtmlPageExtractor().Extract(
            DecodedPage.FromText("test.html", html, PageFormat.Html, "https://news.example.org/2024/03/05/bridge"), LineStatistics.Empty);
        Assert.StartsWith(Lead, a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ferry company", a.Text, StringComparison.Ordinal);
        Assert.Contains(Para3, a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_teaser_box_of_a_few_paragraphs_without_links_is_the_article_s_own_lead()
    {
        const string Second = "Councillors of every party backed the plan, which the transport committee had drawn up over the winter months.";
        var html = $$"""
            <!DOCTYPE html><html lang="en"><head><title>Bridge to be rebuilt</title></head>
            <body><main><article>
              <h1>Bridge to be rebuilt</h1>
              <div class="article-teaser"><p>{{Lead}}</p><p>{{Second}}</p></div>
              <div class="article-body"><p>{{Para1}}</p><p>{{Para2}}</p><p>{{Para3}}</p></div>
            </article></main>
            <div class="teaser"><p><a href="/ferry">Ferry company doubles its crossings to the islands while the bridge is closed</a></p>
              <p><a href="/mayor">Council elects new mayor after a long count of the postal votes in the city</a></p></div>
            </body></html>
            """;
        var a = new HtmlPageExtractor().Extract(
            DecodedPage.FromText("test.html", html, PageFormat.Html, "https://news.example.org/2024/03/05/bridge"), LineStatistics.Empty);
        Assert.StartsWith(Lead, a.Text, StringComparison.Ordinal);
        Assert.Contains(Second, a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ferry company", a.Text, StringComparison.Ordinal);
    }
}
