using Storyline.Figures;
using Storyline.Model;

namespace Storyline.Tests.Figures;

public class FigureExtractorTests
{
    internal static Article ArticleOf(string text, string id = "t1") => new() { Id = id, Origin = "test:" + id, Text = text };

    internal static IReadOnlyList<Figure> Find(string text, string id = "t1") => FigureExtractor.Default.Find(ArticleOf(text, id));

    private static Figure Single(string text) => Assert.Single(Find(text));

    [Theory]
    [InlineData("The storm killed eight people.", "eight", 8.0, FigureQualifier.Exact)]
    [InlineData("Police arrested 13 protesters.", "13", 13.0, FigureQualifier.Exact)]
    [InlineData("The fighting has displaced close to 1 million people.", "close to 1 million", 1e6, FigureQualifier.CloseTo)]
    [InlineData("Militants staged more than 1,000 attacks.", "more than 1,000", 1000.0, FigureQualifier.MoreThan)]
    [InlineData("Twenty-five villagers were evacuated.", "Twenty-five", 25.0, FigureQualifier.Exact)]
    [InlineData("Twenty five villagers were evacuated.", "Twenty five", 25.0, FigureQualifier.Exact)]
    [InlineData("Two dozen soldiers were wounded.", "Two dozen", 24.0, FigureQualifier.Exact)]
    [InlineData("At least 45 people died.", "At least 45", 45.0, FigureQualifier.AtLeast)]
    [InlineData("Up to 300 migrants are missing.", "Up to 300", 300.0, FigureQualifier.UpTo)]
    [InlineData("About 2,000 refugees crossed the border.", "About 2,000", 2000.0, FigureQualifier.About)]
    [InlineData("Nearly half a million people have fled.", "Nearly half a million", 5e5, FigureQualifier.CloseTo)]
    [InlineData("The army evacuated some 3,500 residents.", "some 3,500", 3500.0, FigureQualifier.About)]
    [InlineData("Rebels shot down fewer than 10 helicopters.", "fewer than 10", 10.0, FigureQualifier.LessThan)]
    [InlineData("Guards detained one hundred and five inmates.", "one hundred and five", 105.0, FigureQualifier.Exact)]
    [InlineData("The blast injured 2.5 million people.", "2.5 million", 2.5e6, FigureQualifier.Exact)]
    [InlineData("Floods displaced a million people.", "a million", 1e6, FigureQualifier.Exact)]
    public void Number_forms_and_hedges_are_read_with_their_value(string text, string valueText, double low, FigureQualifier qualifier)
    {
        var f = Single(text);

        Assert.Equal(valueText, f.Value.Text);
        Assert.Equal(low, f.Value.Low);
        Assert.Null(f.Value.High);
        Assert.Equal(qualifier, f.Value.Qualifier);
    }

    [Theory]
    [InlineData("Hundreds of people fled the town.", "Hundreds", 200.0, 999.0)]
    [InlineData("Tens of thousands of residents were evacuated.", "Tens of thousands", 20_000.0, 99_999.0)]
    [InlineData("The war displaced hundreds of thousands of people.", "hundreds of thousands", 200_000.0, 999_999.0)]
    [InlineData("Dozens of protesters were arrested.", "Dozens", 24.0, 99.0)]
    public void Orders_of_magnitude_are_vague_ranges(string text, string valueText, double low, double high)
    {
        var f = Single(text);

        Assert.Equal(FigureQualifier.Vague, f.Value.Qualifier);
        Assert.Equal(valueText, f.Value.Text);
        Assert.Equal((low, high), (f.Value.Low, f.Value.High!.Value));
    }

    [Theory]
    [InlineData("Between 10 and 20 militants were detained.", "Between 10 and 20", 10.0, 20.0)]
    [InlineData("Troops detained 3,000-4,000 men.", "3,000-4,000", 3000.0, 4000.0)]
    [InlineData("The quake killed 1 to 2 million cattle.", "1 to 2 million", 1e6, 2e6)]
    public void Ranges_keep_both_ends(string text, string valueText, double low, double high)
    {
        var f = Single(text);

        Assert.Equal(FigureQualifier.Range, f.Value.Qualifier);
        Assert.Equal(valueText, f.Value.Text);
        Assert.Equal((low, high), (f.Value.Low, f.Value.High!.Value));
    }

    [Theory]
    [InlineData("The government pledged $3.5 billion in aid.", "$3.5 billion", 3.5e9, "USD")]
    [InlineData("The ministry spent 500 million euros on the dam.", "500 million euros", 5e8, "EUR")]
    [InlineData("Donors gave US$5 million to the fund.", "US$5 million", 5e6, "USD")]
    [InlineData("The club paid £2bn for the stadium.", "£2bn", 2e9, "GBP")]
    [InlineData("Exports fell by 40% last year.", "40%", 40.0, "%")]
    [InlineData("Exports fell by 40 percent last year.", "40 percent", 40.0, "%")]
    [InlineData("Exports fell by 40 per cent last year.", "40 per cent", 40.0, "%")]
    public void Money_and_percentages_carry_their_unit(string text, string valueText, double low, string unit)
    {
        var f = Single(text);

        Assert.Equal(valueText, f.Value.Text);
        Assert.Equal(low, f.Value.Low);
        Assert.Equal(unit, f.Value.Unit);
        Assert.Equal(unit == "%" ? FigureCategory.Percent : FigureCategory.Money, f.Category);
    }

    [Fact]
    public void A_percentage_of_something_counts_that_thing()
    {
        var f = Single("The party won 40% of the seats.");
        Assert.Equal("seats", f.Counted);
    }

    [Theory]
    [InlineData("Shelling killed eight soldiers.", FigureCategory.Killed, "killed", "soldiers")]
    [InlineData("At least 45 people died in the fire.", FigureCategory.Killed, "died", "people")]
    [InlineData("The crash left 13 passengers dead.", FigureCategory.Killed, "dead", "passengers")]
    [InlineData("Officials counted 30 deaths.", FigureCategory.Killed, null, "deaths")]
    [InlineData("Two dozen soldiers were wounded.", FigureCategory.Injured, "wounded", "soldiers")]
    [InlineData("The bus crash injured 17 tourists.", FigureCategory.Injured, "injured", "tourists")]
    [InlineData("Up to 300 migrants are missing.", FigureCategory.Missing, "missing", "migrants")]
    [InlineData("520,000 people have been displaced.", FigureCategory.Displaced, "displaced", "people")]
    [InlineData("Some 4,000 families fled the fighting.", FigureCategory.Displaced, "fled", "families")]
    [InlineData("The floods left 6,000 people homeless.", FigureCategory.Displaced, "homeless", "people")]
    [InlineData("About 2,000 refugees crossed the border.", FigureCategory.Displaced, null, "refugees")]
    [InlineData("Police arrested 13 protesters.", FigureCategory.Arrested, "arrested", "protesters")]
    [InlineData("Between 10 and 20 militants were detained.", FigureCategory.Arrested, "detained", "militants")]
    [InlineData("Twenty-five villagers were evacuated.", FigureCategory.Evacuated, "evacuated", "villagers")]
    [InlineData("Officials said more than 1,000 homes were destroyed.", FigureCategory.Destroyed, "destroyed", "homes")]
    [InlineData("Air defences shot down three drones.", FigureCategory.Downed, "shot down", "drones")]
    [InlineData("Militants staged more than 1,000 attacks in the region.", FigureCategory.Count, null, "attacks")]
    public void The_category_comes_from_the_verb_or_noun_around_the_number(string text, FigureCategory category, string? cue, string counted)
    {
        var f = Single(text);

        Assert.Equal(category, f.Category);
        Assert.Equal(cue, f.Cue?.Of(text));
        Assert.Equal(counted, f.Counted);
    }

    [Fact]
    public void A_verb_governs_only_its_own_number()
    {
        const string text = "Two soldiers were killed by militants who staged more than 1,000 attacks.";
        var figures = Find(text);

        Assert.Equal(2, figures.Count);
        Assert.Equal(FigureCategory.Killed, figures[0].Category);
        Assert.Equal(FigureCategory.Count, figures[1].Category);
    }

    [Fact]
    public void A_number_before_a_verb_with_its_own_object_is_the_agent_not_the_victims()
    {
        var figures = Find("Two suicide bombings killed 34 people.");

        Assert.Equal((FigureCategory.Count, "suicide bombings"), (figures[0].Category, figures[0].Counted));
        Assert.Equal((FigureCategory.Killed, "people", 34.0), (figures[1].Category, figures[1].Counted, figures[1].Value.Low));
    }

    [Theory]
    [InlineData("Medics tried to evacuate two wounded journalists.", FigureCategory.Evacuated, "wounded journalists")]
    [InlineData("Helicopters flew out 13 wounded soldiers.", FigureCategory.Injured, "wounded soldiers")]
    public void A_cue_word_before_a_noun_describes_it(string text, FigureCategory category, string counted)
    {
        var f = Single(text);
        Assert.Equal((category, counted), (f.Category, f.Counted));
    }

    [Theory]
    [InlineData("Some 45 states recognize the holiday.", "states")]
    [InlineData("The two journalists Ana Ruiz named were freed.", "journalists")]
    [InlineData("Police said 13 protesters allegedly attacked officers.", "protesters")]
    public void The_counted_noun_phrase_ends_at_its_plural_head(string text, string counted)
    {
        Assert.Equal(counted, Single(text).Counted);
    }

    [Theory]
    [InlineData("Hundreds remain in the camps.")]
    [InlineData("The signal sits near 15 Hz in most people.")]
    [InlineData("Photographer $2,556 $2,440 Planner $1,973 $1,874 Florist $2,100 $2,050")]
    public void Counts_without_a_plural_noun_and_table_rows_are_not_figures(string text)
    {
        Assert.Empty(Find(text));
    }

    [Fact]
    public void A_number_without_its_noun_shares_the_next_numbers_noun()
    {
        const string text = "Troops managed to shoot down at least three and to destroy seven drones.";
        var figures = Find(text);

        Assert.Equal(2, figures.Count);
        Assert.Equal(("at least three", FigureCategory.Downed, "drones"), (figures[0].Value.Text, figures[0].Category, figures[0].Counted));
        Assert.Equal(("seven", FigureCategory.Destroyed, "drones"), (figures[1].Value.Text, figures[1].Category, figures[1].Counted));
    }

    [Fact]
    public void A_number_without_its_noun_shares_the_previous_numbers_noun()
    {
        var figures = Find("The attack killed 13 people and injured 20.");

        Assert.Equal(2, figures.Count);
        Assert.Equal((FigureCategory.Injured, "people", 20.0), (figures[1].Category, figures[1].Counted, figures[1].Value.Low));
    }

    [Fact]
    public void A_death_toll_without_a_noun_counts_people()
    {
        var f = Single("The death toll rose to 45 on Sunday.");

        Assert.Equal(FigureCategory.Killed, f.Category);
        Assert.Equal("", f.Counted);
        Assert.Equal("people", f.CountedHead);
        Assert.Equal("on Sunday", f.When);
    }

    [Theory]
    [InlineData("The deal was signed in 2018 and renewed in 2019.")]
    [InlineData("Talks began on February 21 and ended on March 3.")]
    [InlineData("Turkey and Syria clashed for the first time since 2012.")]
    [InlineData("The meeting started at 10:04 GMT and ended at 5 p.m.")]
    [InlineData("A Su-24 jet and an S-400 system were deployed near the base.")]
    [InlineData("Boeing 737 planes were grounded across Europe.")]
    [InlineData("He gave an interview to Russia 1 on Sunday.")]
    [InlineData("The suspect, 34, was arrested on Monday.")]
    [InlineData("John Smith, aged 34, told reporters he would appeal.")]
    [InlineData("The victim was 34 years old.")]
    [InlineData("A 25-year-old man was arrested.")]
    [InlineData("The country's nearly nine-year war has killed many.")]
    [InlineData("He spent three years in prison and two weeks in hospital.")]
    [InlineData("The convoy drove 12 kilometres to the border.")]
    [InlineData("The council adopted Resolution 2254 after page 2 was read out.")]
    [InlineData("Flight 17 was shot down over Ukraine.")]
    [InlineData("Story 4821397712 was updated at 0930.")]
    [InlineData("One of the soldiers said the village was quiet.")]
    [InlineData("He was the first of four to speak, and the second to leave.")]
    [InlineData("Comments (12)")]
    public void Years_dates_times_ages_model_numbers_and_labels_are_not_figures(string text)
    {
        Assert.Empty(Find(text));
    }

    [Fact]
    public void The_source_is_the_speaker_named_before_the_figure()
    {
        const string text = "The United Nations says 520,000 people have been displaced since early December.";
        var f = Single(text);

        Assert.Equal("United Nations", f.Source);
        Assert.Equal("The United Nations", f.SourceSpan!.Value.Of(text));
        Assert.Equal("since early December", f.When);
        Assert.Equal("XXXX-12", f.TimexValue);
    }

    [Theory]
    [InlineData("According to the health ministry, 45 people were killed.", "health ministry")]
    [InlineData("Fifteen people were injured, police said.", "police")]
    [InlineData("Thirteen soldiers were killed on Monday, said Defence Minister Ivan Petrov.", "Ivan Petrov")]
    [InlineData("Russia's foreign ministry said 13 soldiers were killed.", "Russia's foreign ministry")]
    [InlineData("The United Nations says 520,000 people have been displaced.", "United Nations")]
    [InlineData("Governor Ana Ruiz said that close to 1 million people had been displaced.", "Ana Ruiz")]
    public void Attributions_in_every_position_name_the_source(string text, string source)
    {
        Assert.Equal(source, Single(text).Source);
    }

    [Fact]
    public void A_pronoun_source_is_the_name_before_it()
    {
        const string text = "Governor Ana Ruiz warned of an assault that she said had displaced 40,000 people.";

        // Through the quote stage, which names the speaker of the reported speech holding the figure.
        Assert.Equal("Ana Ruiz", Single(text).Source);

        // On its own: "she said" before the figure, "she" traced back to the name.
        var own = Assert.Single(new FigureExtractor(new FigureExtractorOptions { SourcesFromQuotes = false }).Find(ArticleOf(text)));
        Assert.Equal("Governor Ana Ruiz", own.Source);
        Assert.Equal("she", own.SourceSpan!.Value.Of(text));
    }

    [Fact]
    public void A_figure_stated_by_the_article_itself_has_no_source()
    {
        Assert.Null(Single("Shelling killed eight soldiers on Monday.").Source);
    }

    [Fact]
    public void When_and_place_are_read_after_the_figure()
    {
        const string text = "Clashes killed 13 Turkish soldiers in Idlib province in the past week.";
        var f = Single(text);

        Assert.Equal("13 Turkish soldiers", f.Span.Of(text));
        Assert.Equal("Idlib province", f.Place);
        Assert.Equal("in the past week", f.When);
        Assert.Equal("P1W", f.TimexValue);
        Assert.Equal("soldier", f.CountedHead);
        Assert.Equal(text, f.Sentence.Of(text));
    }

    [Fact]
    public void A_time_in_another_clause_is_not_the_figures_time()
    {
        const string text = "On Wednesday, the president threatened to strike back unless troops withdraw by the end of the month, after fighting displaced 900,000 people.";
        Assert.Null(Single(text).When);
    }

    [Fact]
    public void Relative_times_resolve_against_the_article_date()
    {
        var article = ArticleOf("Shelling killed eight soldiers on Monday.") with
        {
            Date = new PageDate(new DateTimeOffset(2020, 2, 12, 0, 0, 0, TimeSpan.Zero), false, "12 February 2020", "test"),
        };
        var f = Assert.Single(FigureExtractor.Default.Find(article));

        Assert.Equal("2020-02-10", f.TimexValue);
    }

    [Fact]
    public void Spans_point_at_the_words_in_the_article_text()
    {
        const string text = "Headline here.\n\nThe UN says 520,000 people have been displaced. Police arrested 13 protesters, officials said.";
        foreach (var f in Find(text))
        {
            Assert.Equal(f.Value.Text, text.Substring(f.Span.Start, f.Value.Text.Length));
            Assert.True(f.Sentence.Start <= f.Span.Start && f.Span.End <= f.Sentence.End);
            Assert.Equal("t1", f.ArticleId);
        }
    }

    [Fact]
    public void Any_input_keeps_spans_inside_the_text_in_order_and_gives_the_same_output_twice()
    {
        var random = new Random(20260223);
        string[] words = ["killed", "13", "1,000", "million", "at", "least", "$", "5", "%", "people", "said", "the", "UN", ".", ",", "hundreds", "of", "and", "between", "2018", "-", "Su-24", "\"", "\n\n", "close", "to", "eight", "dozen", "a", "half", "tens", "thousands", "per", "cent", "US", "twenty-five", "fled", "10-20"];
        for (var round = 0; round < 200; round++)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 60)).Select(_ => words[random.Next(words.Length)]));
            var first = Find(text);
            var second = Find(text);
            Assert.Equal(first.Count, second.Count);
            var previous = -1;
            foreach (var f in first)
            {
                Assert.InRange(f.Span.Start, 0, text.Length);
                Assert.InRange(f.Span.End, f.Span.Start + 1, text.Length);
                Assert.True(f.Span.Start >= previous, "figures are in text order");
                previous = f.Span.Start;
            }

            Assert.Equal(first.Select(f => (f.Span, f.Value.Text, f.Category)), second.Select(f => (f.Span, f.Value.Text, f.Category)));
        }
    }
}
