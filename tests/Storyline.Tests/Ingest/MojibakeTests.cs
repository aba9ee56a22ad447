using System.Text;
using Storyline.Ingest;
using Storyline.Model;

namespace Storyline.Tests.Ingest;

/// <summary>Double-encoded UTF-8 put back, made here the way a broken site makes it.</summary>
public class MojibakeTests
{
    static MojibakeTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Clean = "A DIY Investor’s Guide: the café’s owner said “no” — and paid 20 €.";

    /// <summary>The text's UTF-8 bytes read as one code page, as a wrongly configured site reads them.</summary>
    private static string Mangle(string text, int codePage) => Encoding.GetEncoding(codePage).GetString(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData(28591)] // Latin-1: the apostrophe's bytes E2 80 99 become "â" and two C1 controls
    [InlineData(1252)] // windows-1252: the same bytes become "â€™"
    public void Text_saved_twice_as_utf8_is_read_back_exactly(int codePage)
    {
        var mangled = Mangle(Clean, codePage);
        Assert.NotEqual(Clean, mangled);
        var (text, repaired) = Mojibake.Repair(mangled);
        Assert.Equal(Clean, text);
        Assert.Equal(7, repaired); // ’ é ’ “ ” — €
    }

    [Fact]
    public void Accented_text_and_signs_written_correctly_are_left_alone()
    {
        const string text = "São Paulo, à côté de l'Hôtel — 20 € ™ Ã©";
        Assert.Equal((text, 0), Mojibake.Repair(text));
    }

    [Fact]
    public void One_firm_sequence_is_not_enough_to_rewrite_a_page()
    {
        // A page that quotes one broken sequence as an example, beside a weak one that could be real text.
        var text = "Broken sites show " + Mangle("’", 1252) + " for an apostrophe; the brand is spelled Ã©lan.";
        Assert.Equal((text, 0), Mojibake.Repair(text));
    }

    [Fact]
    public void Weak_sequences_are_repaired_once_the_page_shows_firm_ones()
    {
        var (text, _) = Mojibake.Repair(Mangle("It’s the café’s menu.", 1252));
        Assert.Equal("It’s the café’s menu.", text);
    }

    [Fact]
    public void A_page_with_double_encoded_text_is_repaired_and_says_so()
    {
        var html = "<html><head><meta charset=\"utf-8\"></head><body><p>" + Mangle(Clean, 28591) + "</p></body></html>";
        var raw = new RawPage("broken.html", Encoding.UTF8.GetBytes(html), PageFormat.Html);
        var (page, error, warning) = PageDecoder.Decode(raw);
        Assert.Null(error);
        Assert.Contains(Clean, page!.Content, StringComparison.Ordinal);
        Assert.Equal("broken.html: 7 double-encoded UTF-8 characters repaired", warning);
    }
}
