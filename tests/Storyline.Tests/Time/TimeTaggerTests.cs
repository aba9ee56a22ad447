using Storyline.Time;

namespace Storyline.Tests.Time;

public class TimeTaggerTests
{
    private static readonly TimeReference Ref = new(new DateOnly(2020, 2, 12), "test"); // a Wednesday

    private static TimeExpression One(string text, string words, TimeReference? reference = null)
    {
        var found = TimeTagger.Default.Tag(text, reference);
        var at = text.IndexOf(words, StringComparison.Ordinal);
        var hit = found.Where(e => e.Start == at && e.Length == words.Length).ToList();
        Assert.True(hit.Count == 1, $"expected \"{words}\" as one expression; found: {string.Join(", ", found.Select(e => $"\"{text.Substring(e.Start, e.Length)}\"={e.Value}"))}");
        return hit[0];
    }

    [Theory]
    [InlineData("-March was wet. It rained in May 2019.")]
    [InlineData("- March: it rained in May 2019.")]
    public void A_month_second_after_a_dash_at_the_start_of_the_text_is_read_without_looking_before_the_text(string text)
    {
        // A bench article opened with a dash line; the mid-month check read the token before the first and threw.
        var found = TimeTagger.Default.Tag(text, Ref);
        Assert.Contains(found, e => text.Substring(e.Start, e.Length) == "May 2019" && e.Value == "2019-05");
    }

    [Theory]
    [InlineData("The talks ended on Feb. 11 in Moscow.", "Feb. 11", "DATE", "XXXX-02-11")]
    [InlineData("It opened Sept. 30, 1999, in Ohio.", "Sept. 30, 1999", "DATE", "1999-09-30")]
    [InlineData("The deal was struck in May 2017 at the talks.", "May 2017", "DATE", "2017-05")]
    [InlineData("He was born on 17 June 1961.", "17 June 1961", "DATE", "1961-06-17")]
    [InlineData("Prices rose in the 1990s.", "the 1990s", "DATE", "199")]
    [InlineData("That was the '80s.", "the '80s", "DATE", "198")]
    [InlineData("They served three years in prison.", "three years", "DURATION", "P3Y")]
    [InlineData("It lasted twenty-four hours.", "twenty-four hours", "DURATION", "PT24H")]
    [InlineData("It took 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M")]
    [InlineData("The firm had three quarters of losses.", "three quarters", "DURATION", "P3Q")]
    [InlineData("After a day-long hearing the judge ruled.", "day-long", "DURATION", "P1D")]
    [InlineData("It ended a decades-long feud.", "decades-long", "DURATION", "PXDE")]
    [InlineData("Nurses check the wards on a daily basis.", "daily", "SET", "P1D")]
    [InlineData("Fans gather daily outside the stadium.", "daily", "SET", "P1D")]
    [InlineData("a two-year contract", "two-year", "DURATION", "P2Y")]
    [InlineData("They meet every week to talk.", "every week", "SET", "P1W")]
    [InlineData("It is published daily.", "daily", "SET", "P1D")]
    [InlineData("The fair has been held annually since the war.", "annually", "SET", "P1Y")]
    [InlineData("Talks resume every Monday.", "every Monday", "SET", "XXXX-WXX-1")]
    [InlineData("Two flights leave on Tuesday nights.", "Tuesday nights", "SET", "XXXX-WXX-2TNI")]
    [InlineData("Holders may buy at half the then current market price.", "then current", "DATE", "PAST_REF")]
    [InlineData("Strikes may continue well into the future.", "the future", "DATE", "FUTURE_REF")]
    [InlineData("Albanians are worried about the future.", "the future", "DATE", "FUTURE_REF")]
    [InlineData("The company may soon seek a partner.", "soon", "DATE", "FUTURE_REF")]
    [InlineData("They paid the then-current rate.", "then-current", "DATE", "PAST_REF")]
    [InlineData("Sales are now rising.", "now", "DATE", "PRESENT_REF")]
    [InlineData("Now officials are investigating the blast.", "Now", "DATE", "PRESENT_REF")]
    [InlineData("He recently left.", "recently", "DATE", "PAST_REF")]
    [InlineData("Arabs back Saddam now that he is in a confrontation with the West.", "now", "DATE", "PRESENT_REF")]
    [InlineData("Profit rose in the third quarter of 1990.", "the third quarter of 1990", "DATE", "1990-Q3")]
    [InlineData("Profit fell in the first half of 2019.", "the first half of 2019", "DATE", "2019-H1")]
    [InlineData("Profit will fall in the last half of 1989.", "the last half of 1989", "DATE", "1989-H2")]
    [InlineData("The March accession will enlarge the alliance.", "March", "DATE", "XXXX-03")]
    [InlineData("He left in the summer of 1994.", "the summer of 1994", "DATE", "1994-SU")]
    [InlineData("It happened in the 20th century.", "the 20th century", "DATE", "19")]
    [InlineData("The vote is at 10:30 p.m. on Tuesday.", "10:30 p.m. on Tuesday", "TIME", "XXXX-WXX-2T22:30")]
    [InlineData("Nineteen ninety-six was a hard year.", "Nineteen ninety-six", "DATE", "1996")]
    [InlineData("It was published on 2020-02-11.", "2020-02-11", "DATE", "2020-02-11")]
    public void Recognises_and_normalises_without_a_reference(string text, string words, string type, string value) =>
        AssertTypeAndValue(One(text, words), type, value);

    private static void AssertTypeAndValue(TimeExpression e, string type, string value) => Assert.Equal((type, value), (e.TypeName, e.Value));

    [Theory]
    [InlineData("The Kremlin said on Tuesday that attacks must stop.", "Tuesday", "2020-02-11")]
    [InlineData("The leaders will meet on Tuesday.", "Tuesday", "2020-02-18")]
    [InlineData("Russia said last week that troops were killed.", "last week", "2020-W06")]
    [InlineData("Talks resume next week in Ankara.", "next week", "2020-W08")]
    [InlineData("Shares fell yesterday.", "yesterday", "2020-02-11")]
    [InlineData("A deal struck in October last year held.", "October last year", "2019-10")]
    [InlineData("Thousands have fled since early December.", "early December", "2019-12")]
    [InlineData("The plan was agreed this year.", "this year", "2020")]
    [InlineData("Profit fell a year ago.", "a year ago", "2019")]
    [InlineData("Two days ago the border closed.", "Two days ago", "2020-02-10")]
    [InlineData("Results for the third quarter were weak.", "the third quarter", "2019-Q3")] // a February report on a quarter not yet begun is last year's
    [InlineData("Results for the third quarter are expected to be weak.", "the third quarter", "2020-Q3")]
    [InlineData("It rained this morning.", "this morning", "2020-02-12TMO")]
    [InlineData("Today, the talks resume.", "Today", "2020-02-12")]
    [InlineData("Hate groups grew over the past year.", "the past year", "2019")] // a date, as "last year" is
    [InlineData("The plants will close over the next year.", "the next year", "2021")]
    [InlineData("Storm Hits Coast\nToday the clean-up begins.", "Today", "2020-02-12")] // a headline's last word is no name before it
    [InlineData("The helicopters crashed last January.", "last January", "2019-01")] // the month just ended would be "last month"
    [InlineData("The plant closed last November.", "last November", "2019-11")]
    [InlineData("The judge will see him at midday.", "midday", "2020-02-12T12:00")]
    [InlineData("He was seen the day before last Tuesday's hearing.", "the day before last Tuesday", "2020-02-10")] // the day next to a named day
    [InlineData("The talks ended the day before yesterday.", "the day before yesterday", "2020-02-10")]
    [InlineData("The strike began the day after Feb. 3.", "the day after Feb. 3", "2020-02-04")]
    [InlineData("Police came to the house at 4 in the morning.", "4 in the morning", "2020-02-12T04:00")] // the part of day gives the meridiem
    [InlineData("The vigil lasted until eight in the evening.", "eight in the evening", "2020-02-12T20:00")]
    [InlineData("He was held on Feb. 10 and freed the next morning.", "the next morning", "2020-02-11TMO")] // the day after the one last named
    [InlineData("Profit rose from $5 million in the corresponding period last year.", "the corresponding period last year", "2018-Q4")] // the quarter just reported, a year before
    [InlineData("Sales for last year's quarter were weak.", "last year's quarter", "2018-Q4")]
    [InlineData("For the quarter a year ago, it earned $3 million.", "the quarter a year ago", "2018-Q4")]
    [InlineData("Profit fell last year.", "last year", "2019")]
    [InlineData("This week, the talks resume.", "This week", "2020-W07")]
    [InlineData("The vote was held in January.", "January", "2020-01")]
    [InlineData("It signed the pact on Feb. 11.", "Feb. 11", "2020-02-11")]
    public void Resolves_relative_expressions_against_the_reference_by_tense(string text, string words, string value)
    {
        var e = One(text, words, Ref);
        Assert.Equal(value, e.Value);
        Assert.Equal(TimexResolution.Resolved, e.Resolution);
    }

    [Theory]
    [InlineData("The Kremlin said on Tuesday that attacks must stop.", "Tuesday", "XXXX-WXX-2")]
    [InlineData("Russia said last week that troops were killed.", "last week", "XXXX-WXX")]
    [InlineData("Shares fell yesterday.", "yesterday", "XXXX-XX-XX")]
    [InlineData("Profit fell last year.", "last year", "XXXX")]
    [InlineData("Last month sales fell.", "Last month", "XXXX-XX")]
    public void Without_a_reference_relative_expressions_stay_unresolved(string text, string words, string value)
    {
        var e = One(text, words);
        Assert.Equal(value, e.Value);
        Assert.Equal(TimexResolution.Unresolved, e.Resolution);
    }

    [Theory]
    [InlineData("It happened 999999999 days ago.")]
    [InlineData("It happened 999999999 weeks ago, 99999999 years earlier and 999999999 months later.")]
    [InlineData("On 0000-00-00 and 9999-12-31 and Feb. 31 and 25:99 p.m.")]
    [InlineData("Tomorrow, next week, next month, next year, next quarter and next Friday; yesterday and last century.")]
    [InlineData("the day before the day after the day before the day after yesterday")]
    public void Out_of_calendar_expressions_never_throw(string text)
    {
        foreach (var reference in new[] { null, Ref, new TimeReference(DateOnly.MaxValue, "test"), new TimeReference(DateOnly.MinValue, "test") })
        {
            Assert.All(TimeTagger.Default.Tag(text, reference), e => Assert.False(string.IsNullOrEmpty(e.Value)));
        }
    }

    [Fact]
    public void Ranges_keep_both_ends()
    {
        var a = One("Growth slowed between 2017 and 2019.", "2017 and 2019");
        Assert.Equal("2017", a.Value);
        Assert.Equal("2019", a.EndValue);

        var b = One("The fair runs Feb. 11-13 in Berlin.", "Feb. 11-13");
        Assert.Equal("XXXX-02-11", b.Value);
        Assert.Equal("XXXX-02-13", b.EndValue);
    }

    [Theory]
    [InlineData("The museum will be open on Sept. 3 and 4.", "Sept. 3 and 4", "XXXX-09-03", "XXXX-09-04")]
    [InlineData("The river rose from 1981 to 1985.", "1981 to 1985", "1981", "1985")]
    public void Ranges_joined_by_a_word_keep_both_ends(string text, string words, string value, string endValue)
    {
        var e = One(text, words);
        Assert.Equal(value, e.Value);
        Assert.Equal(endValue, e.EndValue);
    }

    [Theory]
    [InlineData("A 7-year-old girl won the race.", "7-year")]
    [InlineData("The 40-year-old treaty was torn up.", "40-year")]
    [InlineData("The owner, 63 years old, sold the farm.", "63 years")]
    [InlineData("Their three-month-old puppy slept.", "three-month")]
    [InlineData("The island buys three-quarters of its grain abroad.", "three-quarters")]
    [InlineData("Voters gave two quarters of the seats to the greens.", "two quarters")]
    public void Ages_and_fractions_are_not_durations(string text, string words)
    {
        var at = text.IndexOf(words, StringComparison.Ordinal);
        Assert.DoesNotContain(TimeTagger.Default.Tag(text, Ref), e => e.Start <= at && at < e.End);
    }

    [Theory]
    [InlineData("The editor wrote on Friday, Jan. 17: the plan is dead.", "Friday, Jan. 17", "2020-01-17")]
    [InlineData("The bridge has been closed since last Nov. 5 for repairs.", "last Nov. 5", "2019-11-05")]
    [InlineData("The board extended the deadline until Friday.", "Friday", "2020-02-14")] // a Wednesday reference
    [InlineData("The ferry could sail as soon as Monday, officials said.", "Monday", "2020-02-17")]
    [InlineData("Until Monday, the firm had refused to comment.", "Monday", "2020-02-10")]
    [InlineData("The talks will be held on March 30 in Oslo.", "March 30", "2020-03-30")]
    [InlineData("The singer would arrive Saturday, her agent said.", "Saturday", "2020-02-15")]
    [InlineData("The envoy said on Monday that the army would withdraw.", "Monday", "2020-02-10")]
    [InlineData("The increased dividend is payable Dec. 3 to holders.", "Dec. 3", "2020-12-03")]
    [InlineData("The offer had been scheduled to lapse on Friday, but it was extended.", "Friday", "2020-02-07")]
    [InlineData("``The envoy will leave for Cairo at dawn on Friday,'' he said.", "Friday", "2020-02-14")] // "said" tells of the speaking
    [InlineData("\u201CWe will vote on the treaty in Oslo on Thursday\u201D, he said.", "Thursday", "2020-02-13")]
    [InlineData("The envoy will fly on the ministry's plane Friday.", "Friday", "2020-02-14")] // an apostrophe is no quotation mark
    [InlineData("The talks, set to resume Monday in Belfast, stalled.", "Monday", "2020-02-17")] // an arrangement points ahead
    [InlineData("Officials said they did not plan to detain him on Thursday.", "Thursday", "2020-02-13")]
    [InlineData("The team planned to leave Nairobi on Thursday.", "Thursday", "2020-02-13")]
    [InlineData("On Friday, the government planned a payment to the families.", "Friday", "2020-02-07")] // a plan made, not an arrangement
    [InlineData("The bank is to resume trading on the exchange Tuesday.", "Tuesday", "2020-02-18")]
    [InlineData("He will succeed Daniel P. Davison on Friday.", "Friday", "2020-02-14")] // an initial ends no sentence
    [InlineData("He and the Palestinian leader meet separately Monday with the envoy.", "Monday", "2020-02-17")] // a scheduled event in the present tense
    [InlineData("Parliament votes on Thursday on the budget.", "Thursday", "2020-02-13")]
    [InlineData("The talks did not resume Monday.", "Monday", "2020-02-10")]
    [InlineData("The offer had been due to expire Friday evening.", "Friday evening", "2020-02-07TEV")]
    [InlineData("The airline will almost double its flights between Athens and Rome by August in the search for new markets untouched by the crisis.", "August", "2020-08")] // "untouched" is an adjective, no past
    public void Resolves_dates_by_their_cue_words(string text, string words, string value)
    {
        Assert.Equal(value, One(text, words, Ref).Value);
    }

    [Theory]
    [InlineData("The trust also created a four-member office of the chairman, effective Feb. 1.", "Feb. 1", "2021-02-01")] // "effective" a date: it takes effect then
    [InlineData("The sale is part of a program to pay down the loan by February.", "February", "2021-02")] // "by" a month: a deadline
    [InlineData("Sales of the new model had doubled by March.", "March", "2020-03")] // a tense decides it
    [InlineData("In March, a week after the anniversary of the founding of the club, a fire in the old stand at the ground destroyed the archive.", "March", "2020-03")] // no cue near: news tells of the months past
    [InlineData("The split would be paid on a still unspecified date in January to holders.", "January", "2021-01")] // "unspecified" is an adjective, no past
    public void Resolves_months_by_their_cue_words_in_an_autumn_report(string text, string words, string value)
    {
        Assert.Equal(value, One(text, words, new TimeReference(new DateOnly(2020, 10, 26), "test")).Value);
    }

    [Theory]
    [InlineData("The ferry sank on Thanksgiving Day, the coast guard said.", "Thanksgiving Day", "2019-11-28")] // the fourth Thursday of November
    [InlineData("Turnout was high on Election Day.", "Election Day", "2019-11-05")] // the Tuesday after the first Monday
    [InlineData("The mall will close on Christmas Eve.", "Christmas Eve", "2020-12-24")]
    [InlineData("Prices rose after last Christmas.", "last Christmas", "2019-12-25")]
    [InlineData("The parade is held on Memorial Day.", "Memorial Day", "2020-05-25")] // the last Monday of May
    [InlineData("The bridge reopened on Easter Sunday 2016.", "Easter Sunday 2016", "2016-03-27")]
    [InlineData("Pilgrims gathered as Easter week began.", "Easter week", "2020-W15")] // Easter 2020 was 12 April
    [InlineData("The hearing is set for the week of March 9 in Leeds.", "the week of March 9", "2020-W11")]
    public void Holidays_and_the_week_of_a_day_resolve_to_their_dates(string text, string words, string value)
    {
        Assert.Equal(value, One(text, words, Ref).Value);
    }

    [Theory]
    [InlineData("The shop sold Christmas trees.", "Christmas")]
    [InlineData("Children hunted Easter eggs.", "Easter")]
    public void A_holiday_name_used_as_a_modifier_is_no_date(string text, string words)
    {
        var at = text.IndexOf(words, StringComparison.Ordinal);
        Assert.DoesNotContain(TimeTagger.Default.Tag(text, Ref), e => e.Start <= at && at < e.End);
    }

    [Theory]
    [InlineData("Lawyers said they would look for ways to get around Tuesday's ruling.", "Tuesday", "2020-02-11")]
    [InlineData("The family will appeal Monday's decision.", "Monday", "2020-02-10")]
    [InlineData("Wednesday's ruling will stand.", "Wednesday", "2020-02-12")]
    [InlineData("Troops will deploy ahead of Sunday's vote.", "Sunday", "2020-02-16")]
    public void A_day_that_names_an_event_is_past_unless_it_lies_ahead(string text, string words, string value)
    {
        // "Tuesday's ruling" names a known event: the clause's "would"/"will" governs its verb, not the day.
        var e = One(text, words, Ref);
        Assert.Equal(value, e.Value);
        Assert.Null(e.Mod); // "get around" is no approximation of the day
    }

    [Theory]
    [InlineData("Dealers stocked cars in advance of their official introduction Thursday.", "Thursday", "2020-02-13")]
    [InlineData("The deal may be completed by Friday.", "Friday", "2020-02-14")]
    [InlineData("The deal may have been completed on Friday.", "Friday", "2020-02-07")]
    [InlineData("He could not be located Monday.", "Monday", "2020-02-10")]
    [InlineData("He said directors will rule on the petition on Thursday, but added that no date was set.", "Thursday", "2020-02-13")]
    [InlineData("The controller will be ready for shipment by October, the company said.", "October", "2020-10")]
    [InlineData("On Monday, the company said it had sold the unit.", "Monday", "2020-02-10")]
    public void Waiting_and_possibility_look_ahead_and_a_later_clause_does_not_set_the_tense(string text, string words, string value) =>
        Assert.Equal(value, One(text, words, Ref).Value);

    [Theory]
    [InlineData("He is charged in the 1996 Olympic bombing.", "1996")]
    [InlineData("Qualification for the 2006 World Cup looks hard.", "2006")]
    [InlineData("He fled after the 1948 takeover.", "1948")]
    public void A_year_that_qualifies_a_noun_or_a_name_leaves_the_article_to_it(string text, string words) =>
        AssertTypeAndValue(One(text, words, Ref), "DATE", words);

    [Theory]
    [InlineData("The Aug. 7, 1998, bombings killed 224 people.", "Aug. 7, 1998", "1998-08-07")]
    [InlineData("He was charged in the Oct. 23 sniper attack.", "Oct. 23", "2019-10-23")]
    [InlineData("Since the January 2019 attack, guards watch the site.", "January 2019", "2019-01")]
    public void A_named_date_before_its_event_leaves_the_article_to_the_event(string text, string words, string value) =>
        AssertTypeAndValue(One(text, words, Ref), "DATE", value);

    [Fact]
    public void A_year_number_before_year_is_that_year_not_a_count_of_years()
    {
        // Reuters results tables: "Note: 1986 year includes ..." was read as a duration of 1,986 years.
        AssertTypeAndValue(One("Note: 1986 year includes a tax gain.", "1986 year", Ref), "DATE", "1986");
        AssertTypeAndValue(One("They signed a three year contract.", "three year", Ref), "DURATION", "P3Y");
        AssertTypeAndValue(One("Exports rose from the same 1985 month.", "1985", Ref), "DATE", "1985");
    }

    [Fact]
    public void Every_overnight_of_a_report_is_the_same_night()
    {
        // Each "overnight" is the night before the day told of; it must not move that day one more night back.
        const string text = "Shares fell on Tuesday. Tokyo fell overnight. London also fell overnight, and overnight rates rose.";
        var nights = TimeTagger.Default.Tag(text, Ref).Where(e => text.Substring(e.Start, e.Length) == "overnight").Select(e => e.Value).ToList();
        Assert.Equal(["2020-02-10TNI", "2020-02-10TNI", "2020-02-10TNI"], nights);
    }

    [Fact]
    public void A_holiday_without_a_reference_keeps_its_unknown_year()
    {
        Assert.Equal("XXXX-12-25", One("Shops close on Christmas Day.", "Christmas Day").Value);
        Assert.Equal("XXXX-11-XX", One("Families meet on Thanksgiving.", "Thanksgiving").Value);
    }

    [Fact]
    public void Times_without_a_day_belong_to_the_day_the_text_last_named()
    {
        const string text = "The ship sank on Jan. 30. Rescuers arrived at 6 a.m. and left in the evening. Two days earlier the port had closed.";
        Assert.Equal("2020-01-30T06:00", One(text, "6 a.m.", Ref).Value);
        Assert.Equal("2020-01-30TEV", One(text, "the evening", Ref).Value);
        Assert.Equal("2020-01-28", One(text, "Two days earlier", Ref).Value);

        const string week = "Shares fell on Friday. The index was down 4% from the previous Friday.";
        Assert.Equal("2020-02-07", One(week, "Friday", Ref).Value);
        Assert.Equal("2020-01-31", One(week, "the previous Friday", Ref).Value);

        // "overnight" is the night before the day being told of.
        const string night = "Shares fell on Friday after Tokyo slid overnight.";
        Assert.Equal("2020-02-06TNI", One(night, "overnight", Ref).Value);
        Assert.Equal("2020-02-11TNI", One("Tokyo slid overnight.", "overnight", Ref).Value);

        // With no day named before it, a clock time is on the reference day.
        Assert.Equal("2020-02-12T06:00", One("Rescuers arrived at 6 a.m.", "6 a.m.", Ref).Value);
    }

    [Theory]
    [InlineData("The ship sank. Two days later the port reopened.", "Two days", "P2D")]
    [InlineData("The alarm rang and a minute and a half later the doors shut.", "a minute and a half", "PT1M30S")]
    [InlineData("The hearing ends at 5 p.m., Nov. 6, the court said.", "5 p.m., Nov. 6", "XXXX-11-06T17:00")]
    public void Stretches_before_later_are_durations_and_a_time_takes_the_date_after_its_comma(string text, string words, string value)
    {
        Assert.Equal(value, One(text, words).Value);
    }

    [Fact]
    public void Current_as_an_adjective_is_the_present_and_a_year_earlier_counts_from_the_report()
    {
        Assert.Equal("PRESENT_REF", One("The current chairman will stay.", "current", Ref).Value);
        Assert.DoesNotContain(TimeTagger.Default.Tag("The current account deficit grew.", Ref), e => e.Value == "PRESENT_REF");

        // A comparison "a year earlier" in a report is a year before the report, not before the last year named.
        Assert.Equal("2019", One("Since 1998 the mill has grown; sales rose 5% from a year earlier.", "a year earlier", Ref).Value);
        Assert.Equal("1999", One("The mill opened in 1998. That year it hired 40 people, and the following year 60.", "the following year", Ref).Value);
    }

    [Fact]
    public void The_following_month_is_the_month_after_the_one_last_named()
    {
        Assert.Equal("2019-04", One("The firm was put up for sale in March 2019. The following month it was sold.", "The following month", Ref).Value);
        Assert.Equal("2020-03", One("The following month it was sold.", "The following month", Ref).Value); // none named: after the reference's
    }

    [Theory]
    [InlineData("In the year ended March 31, the mill earned $5 million.", "the year", "DURATION", "P1Y")]
    [InlineData("Net in the year ending June 30 will fall.", "the year", "DURATION", "P1Y")]
    [InlineData("Sales rose in the fiscal year.", "the fiscal year", "DURATION", "P1Y")]
    [InlineData("For the year, volume was flat.", "the year", "DATE", "2020")]
    [InlineData("The stock reached a high for the year of $42.", "the year", "DATE", "2020")]
    [InlineData("It expects to close the deal by year-end.", "year-end", "DATE", "2020-12-31")]
    [InlineData("The index has risen 5% since year-end.", "year-end", "DATE", "2019-12-31")]
    [InlineData("Net for the year-earlier nine months included a gain.", "the year-earlier nine months", "DURATION", "P9M")]
    [InlineData("The year-earlier period was weak.", "The year-earlier period", "DATE", "2018-Q4")]
    public void The_year_ended_a_date_is_a_span_the_year_alone_is_the_reference_year_and_year_end_its_last_day(string text, string words, string type, string value) =>
        AssertTypeAndValue(One(text, words, Ref), type, value);

    [Fact]
    public void The_quarter_is_the_reported_quarter_the_text_named_else_the_one_just_ended()
    {
        var reference = new TimeReference(new DateOnly(1989, 10, 26), "test");

        // A fiscal quarter named by its number: "the quarter" after it is that quarter, not calendar Q3.
        const string fiscal = "Sun posted a loss for its fiscal first quarter ended Sept. 29. Sales in the quarter rose 9%.";
        Assert.Equal("1989-Q1", One(fiscal, "the quarter", reference).Value);

        // A quarter not yet over is an outlook, not the reported quarter.
        const string outlook = "Aetna expects fourth-quarter gains. Sales in the latest quarter fell.";
        Assert.Equal("1989-Q3", One(outlook, "the latest quarter", reference).Value);
        Assert.Equal("1989-Q3", One("Sales in the latest quarter fell.", "the latest quarter", reference).Value);

        Assert.DoesNotContain(TimeTagger.Default.Tag("The quarter-to-quarter comparison improved.", reference), e => e.Start == 0);
    }

    [Fact]
    public void The_last_half_is_a_half_year_only_with_its_year()
    {
        Assert.DoesNotContain(TimeTagger.Default.Tag("He slept through the last half hour.", Ref), e => e.Value.Contains("-H", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("You may go now, said the guard.", "may")]
    [InlineData("Troops march on the city.", "march")]
    [InlineData("More than 2,000 people fled.", "2,000")]
    [InlineData("It costs $1990 a unit.", "1990")]
    [InlineData("The company raised its quarterly dividend.", "quarterly")]
    [InlineData("Leaves fall in the wind.", "fall")]
    [InlineData("He met 1500 workers.", "1500")]
    [InlineData("She read it in USA Today on the train.", "Today")] // names: a capitalised "today" after a capitalised word
    [InlineData("Baker said on ABC's \"This Week\" that talks failed.", "This Week")]
    [InlineData("The poster showed Gary Cooper in High Noon.", "Noon")]
    [InlineData("For Poland, high noon has come.", "noon")]
    [InlineData("The future looks anything but encouraging.", "future")]
    [InlineData("It matters to the future of our peoples.", "future")]
    [InlineData("They lack a rational approach to the future.", "future")]
    [InlineData("He was soon released by the police.", "soon")]
    [InlineData("A trickle of cash soon became a flood.", "soon")]
    [InlineData("Sales will rise 8.5% annually through 1992.", "annually")]
    [InlineData("The plant would make 10,000 units annually.", "annually")]
    [InlineData("Now, he says, the West wants war.", "Now")]
    [InlineData("Now for today's geography quiz.", "Now")]
    [InlineData("Stocks were the main reason for the fall in interest rates.", "fall")] // a drop, not autumn
    [InlineData("Traders blamed the fall of the dollar.", "fall")]
    [InlineData("The winter wheat crop is in good shape.", "winter")] // a class of grain
    [InlineData("Sales of hard red winter rose.", "winter")]
    public void Words_that_only_look_like_times_are_left_alone(string text, string words)
    {
        var at = text.IndexOf(words, StringComparison.Ordinal);
        Assert.DoesNotContain(TimeTagger.Default.Tag(text), e => e.Start <= at && at < e.End);
    }

    [Fact]
    public void Spans_are_inside_the_text_sorted_and_disjoint_on_any_input()
    {
        var random = new Random(7);
        var pieces = new[] { "Feb.", "11", "-", "13", ",", "1999", "last", "week", "the", "third", "quarter", "of", "'80s", "10:04", "p.m.", "GMT17", "June", "every", "two", "years", "ago", " ", ".", "\n", "May", "Tuesday", "x", "é", "’" };
        for (var n = 0; n < 300; n++)
        {
            var text = string.Join(random.Next(3) == 0 ? "" : " ", Enumerable.Range(0, random.Next(1, 30)).Select(_ => pieces[random.Next(pieces.Length)]));
            var found = TimeTagger.Default.Tag(text, Ref);
            var last = 0;
            foreach (var e in found)
            {
                Assert.InRange(e.Start, last, text.Length);
                Assert.InRange(e.End, e.Start + 1, text.Length);
                Assert.False(string.IsNullOrEmpty(e.Value));
                last = e.End;
            }

            var reference = random.Next(2) == 0 ? null : Ref;
            Assert.Equal(TimeTagger.Default.Tag(text, reference), TimeTagger.Default.Tag(text, reference));
        }
    }

    [Fact]
    public void Anaphoric_units_count_from_the_date_the_text_last_named_not_the_reference()
    {
        const string text = "The gunman struck on Oct. 23, 2019. Earlier that day, a fax was sent. The day before, he bought a gun. "
            + "Police came that same day. The following week he was arrested. The year before, he had moved.";
        Assert.Equal("2019-10-23", One(text, "Earlier that day", Ref).Value);
        Assert.Equal("2019-10-22", One(text, "The day before", Ref).Value);
        Assert.Equal("2019-10-22", One(text, "that same day", Ref).Value);
        Assert.Equal("2019-W44", One(text, "The following week", Ref).Value);
        Assert.Equal("2018", One(text, "The year before", Ref).Value);

        // Before an event, "before" is a signal and stays out of the expression.
        const string signal = "The blast came on May 5, 2019. He was seen the day before the blast.";
        Assert.Equal("2019-05-04", One(signal, "the day", Ref).Value);
        Assert.Equal("DATE", One(signal, "the day", Ref).TypeName);
        const string sameDay = "The blast came on May 5, 2019. She will fly to Nairobi later in the day before returning home.";
        Assert.DoesNotContain(TimeTagger.Default.Tag(sameDay, Ref), e => e.Value == "2019-05-04");

        // Nothing named yet: the reference is the anchor.
        Assert.Equal("2020-02-12", One("Police came that day.", "that day", Ref).Value);
        Assert.Equal("TIME", One("The blast came on May 5, 2019. Police came that night.", "that night", Ref).TypeName);
        Assert.Equal("2019-05-05TNI", One("The blast came on May 5, 2019. Police came that night.", "that night", Ref).Value);
    }

    [Fact]
    public void Next_day_that_weekday_and_a_week_later_follow_the_story_not_the_reference()
    {
        const string text = "He was arrested on Sunday, Nov. 3, 2019. The next day he was charged. That morning he wept. "
            + "That Friday he confessed. He was freed on Nov. 20, 2019. A week later he fled.";
        Assert.Equal("2019-11-04", One(text, "The next day", Ref).Value);
        Assert.Equal("2019-11-04TMO", One(text, "That morning", Ref).Value);
        Assert.Equal("2019-11-01", One(text, "That Friday", Ref).Value);
        Assert.Equal("2019-W48", One(text, "A week later", Ref).Value);

        // Over "the next day or two" it is a span still.
        Assert.Equal("DURATION", One("Talks may go on over the next day.", "the next day", Ref).TypeName);
    }

    [Theory]
    [InlineData("Prices fell on May 5, 2019. On days when prices tumble, dealers lose money that day.")]
    [InlineData("Prices fell on May 5, 2019. You get a news item, you have strong redemptions that day.")]
    public void That_day_without_a_tense_is_generic_and_no_date(string text)
    {
        var at = text.IndexOf("that day", StringComparison.Ordinal);
        Assert.DoesNotContain(TimeTagger.Default.Tag(text, Ref), e => e.Start <= at && at < e.End);
    }

    [Fact]
    public void That_day_after_a_month_without_its_day_is_a_day_of_that_month()
    {
        const string text = "He was killed last October. His name was crossed out that same day.";
        Assert.Equal("2019-10", One(text, "last October", Ref).Value);
        Assert.Equal("2019-10-XX", One(text, "that same day", Ref).Value);
    }

    [Fact]
    public void An_appositive_day_restates_the_date_it_follows()
    {
        const string text = "On Oct. 12, 2019, the day before the crash, the index fell.";
        Assert.Equal("2019-10-12", One(text, "the day", Ref).Value);
    }

    [Theory]
    [InlineData("Wheat for July delivery fell 2 cents.", "July", "2020-07")]
    [InlineData("Corn for March delivery gained.", "March", "2020-03")]
    [InlineData("The January contract ended lower.", "January", "2021-01")]
    [InlineData("December futures rose.", "December", "2020-12")]
    public void A_futures_month_lies_ahead_of_the_report(string text, string words, string value)
    {
        // A report of Feb. 12, 2020, in the past tense: a plain "in July" would be last July; a contract month is not.
        Assert.Equal(value, One(text, words, Ref).Value);
    }
}
