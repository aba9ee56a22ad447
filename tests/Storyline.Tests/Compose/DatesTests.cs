using Storyline.Compose;

namespace Storyline.Tests.Compose;

public class DatesTests
{
    [Theory]
    [InlineData("2020-02-11", "11 February 2020")]
    [InlineData("2018-09", "September 2018")]
    [InlineData("2018", "2018")]
    [InlineData("XXXX-02-11", "11 February, year unknown")]
    [InlineData("XXXX-12", "December, year unknown")]
    [InlineData("2019-Q4", "Q4 2019")]
    [InlineData("2020-W07", "week 7 of 2020")]
    [InlineData("2025-03-03TMO", "3 March 2025 morning")]
    [InlineData("PRESENT_REF", "PRESENT_REF")]
    public void Values_are_shown_as_people_read_them(string value, string shown) =>
        Assert.Equal(shown, Dates.Display(value));

    [Fact]
    public void Known_years_sort_in_calendar_order_and_unknown_years_after_them()
    {
        string[] values = ["XXXX-02-11", "2020-02-11", "2018", "2018-09", "2025-03-03TEV", "2025-03-03TMO", "2025-03-03T06:00", "XXXX-01-10", "2019-W07"];
        var sorted = values.OrderBy(Dates.SortKey, StringComparer.Ordinal).ToArray();
        Assert.Equal(["2018", "2018-09", "2019-W07", "2020-02-11", "2025-03-03T06:00", "2025-03-03TMO", "2025-03-03TEV", "XXXX-01-10", "XXXX-02-11"], sorted);
    }

    [Theory]
    [InlineData("2018", true)]
    [InlineData("XXXX-02-11", true)]
    [InlineData("XXXX-WXX-2", false)]
    [InlineData("PAST_REF", false)]
    [InlineData(null, false)]
    public void Only_values_that_place_a_line_on_a_calendar_go_on_the_timeline(string? value, bool calendar) =>
        Assert.Equal(calendar, Dates.IsCalendar(value));
}
