using System.Text;
using Storyline.Ingest;

namespace Storyline.Tests.Ingest;

public class EncodingDetectorTests
{
    static EncodingDetectorTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string French = "Le ministre a déclaré mercredi que la grève des dockers coûterait très cher à l'économie régionale. « Nous négocions », a-t-il ajouté.";
    private const string German = "Der Bürgermeister äußerte sich am Dienstag über die Überschwemmungen: Straßen und Brücken müssen gesperrt werden.";
    private const string Russian = "Представитель Кремля заявил во вторник, что переговоры с Турцией продолжатся на следующей неделе в Москве.";

    [Theory]
    [InlineData(French)]
    [InlineData(German)]
    public void Western_text_saved_as_windows_1252_is_read_back_exactly(string text)
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes(text);
        var result = EncodingDetector.Decode(bytes);
        Assert.Equal("windows-1252", result.Encoding);
        Assert.Equal("letter-statistics", result.Source);
        Assert.Equal(text, result.Text);
    }

    [Fact]
    public void Russian_text_saved_as_windows_1251_is_read_back_exactly()
    {
        var bytes = Encoding.GetEncoding(1251).GetBytes(Russian);
        var result = EncodingDetector.Decode(bytes);
        Assert.Equal("windows-1251", result.Encoding);
        Assert.Equal(Russian, result.Text);
    }

    [Fact]
    public void Russian_with_latin_names_in_windows_1251_is_still_cyrillic()
    {
        var text = "Агентство Reuters сообщило, что Dmitry Peskov и Mevlut Cavusoglu обсудили ситуацию в Идлибе.";
        var result = EncodingDetector.Decode(Encoding.GetEncoding(1251).GetBytes(text));
        Assert.Equal(text, result.Text);
    }

    [Fact]
    public void Utf8_wins_when_the_bytes_are_valid_utf8()
    {
        var result = EncodingDetector.Decode(Encoding.UTF8.GetBytes(Russian + " " + French));
        Assert.Equal("utf-8", result.Encoding);
        Assert.Equal("utf8-valid", result.Source);
        Assert.Null(result.Warning);
    }

    [Fact]
    public void A_byte_order_mark_decides()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(French)).ToArray();
        var result = EncodingDetector.Decode(bytes);
        Assert.Equal(("utf-8", "bom"), (result.Encoding, result.Source));
        Assert.Equal(French, result.Text);

        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Russian)).ToArray();
        Assert.Equal(Russian, EncodingDetector.Decode(utf16).Text);
    }

    [Fact]
    public void An_html_meta_charset_is_honoured()
    {
        var html = "<html><head><meta charset=\"windows-1251\"><title>т</title></head><body><p>" + Russian + "</p></body></html>";
        var result = EncodingDetector.Decode(Encoding.GetEncoding(1251).GetBytes(html), lookForHtmlMeta: true);
        Assert.Equal(("windows-1251", "meta"), (result.Encoding, result.Source));
        Assert.Contains(Russian, result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_charset_that_lies_about_utf8_content_loses_to_the_bytes()
    {
        var html = "<meta charset=\"iso-8859-1\"><p>" + Russian + "</p>";
        var result = EncodingDetector.Decode(Encoding.UTF8.GetBytes(html), lookForHtmlMeta: true);
        Assert.Equal("utf-8", result.Encoding);
        Assert.Contains(Russian, result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_utf8_over_windows_1251_bytes_loses_to_the_bytes()
    {
        var bytes = Encoding.GetEncoding(1251).GetBytes("<p>" + Russian + "</p>");
        var result = EncodingDetector.Decode(bytes, declaredCharset: "utf-8");
        Assert.Equal("windows-1251", result.Encoding);
        Assert.Contains(Russian, result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Mostly_valid_utf8_with_a_broken_sequence_is_read_with_a_warning()
    {
        var good = Encoding.UTF8.GetBytes(French + " " + German);
        var bytes = good.Take(40).Append((byte)0xC3).Append((byte)0x28).Concat(good.Skip(40)).ToArray();
        var result = EncodingDetector.Decode(bytes);
        Assert.Equal("utf-8", result.Encoding);
        Assert.NotNull(result.Warning);
        Assert.Contains("invalid UTF-8", result.Warning, StringComparison.Ordinal);
        Assert.Contains("régionale", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_declaring_utf8_then_its_own_charset_is_read_in_its_own_when_the_bytes_are_not_utf8()
    {
        const string Chinese = "一个约定，信守十五年，感人至深；一段真情，延续十五年，催人泪下。";
        var head = """<html><head><meta charset="utf-8"><title>archive</title><meta http-equiv="Content-Type" content="text/html; charset=gb2312"/></head><body><p>""";
        var bytes = Encoding.ASCII.GetBytes(head).Concat(Encoding.GetEncoding("gb2312").GetBytes(Chinese)).Concat(Encoding.ASCII.GetBytes("</p></body></html>")).ToArray();
        var result = EncodingDetector.Decode(bytes, lookForHtmlMeta: true);
        Assert.Contains(Chinese, result.Text, StringComparison.Ordinal);
        Assert.StartsWith("meta gb2312", result.Source, StringComparison.Ordinal);

        // Valid UTF-8 under the same two declarations stays UTF-8.
        var utf8 = Encoding.UTF8.GetBytes(head + Chinese + "</p></body></html>");
        Assert.Contains(Chinese, EncodingDetector.Decode(utf8, lookForHtmlMeta: true).Text, StringComparison.Ordinal);
    }
}
