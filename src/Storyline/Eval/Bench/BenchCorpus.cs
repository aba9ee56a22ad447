using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Storyline.Extract;
using Storyline.Ingest;
using Storyline.Model;

namespace Storyline.Eval.Bench;

/// <summary>Choices of a generated benchmark corpus.</summary>
public sealed record BenchCorpusOptions
{
    public int Articles { get; init; } = 10_000;

    public int Seed { get; init; } = 1;

    /// <summary>Wrap pages in HTML (nav, article, footer) instead of crawler text.</summary>
    public bool Html { get; init; }

    /// <summary>At most this many source articles are read for their paragraphs.</summary>
    public int MaxSources { get; init; } = 50_000;

    /// <summary>Share of generated articles that republish an earlier one under new chrome.</summary>
    public double RepublishShare { get; init; } = 0.2;

    /// <summary>Pages per JSON Lines shard.</summary>
    public int ShardSize { get; init; } = 10_000;
}

/// <summary>
/// Writes a deterministic corpus of N pages from any folder of pages: real paragraphs recombined into new
/// articles, some republished under another outlet's chrome with typographic changes, dates spread over
/// six months, each page dressed in its outlet's site chrome (menus, share lines, newsletter boxes, footers)
/// so the cleaner has real work. Output is gzip-compressed JSON Lines shards; the same options and sources
/// give the same bytes.
/// </summary>
public static class BenchCorpus
{
    private static readonly string[] Sections = ["News", "World", "Business", "Politics", "Sport", "Opinion", "Culture", "Science", "Weather"];
    private static readonly string[] OutletWords = ["Courier", "Herald", "Ledger", "Times", "Post", "Gazette", "Chronicle", "Observer", "Tribune", "Standard", "Monitor", "Record", "Examiner", "Dispatch", "Express"];
    private static readonly string[] Towns = ["Harbourton", "Lowmere", "Ashby", "Kellow", "Brenmouth", "Corran", "Westfold", "Dunmere", "Skerry", "Veltria", "Northam", "Easterby"];

    /// <summary>The clean paragraphs and titles of the source pages, read through the project's own extractors.</summary>
    public static IReadOnlyList<(string Title, string[] Paragraphs)> ReadSources(IEnumerable<string> paths, int maxSources)
    {
        var sources = new List<(string, string[])>();
        var extractor = PageExtractors.Default;
        foreach (var item in new PageSource().Read(paths))
        {
            if (item.Page is null)
            {
                continue;
            }

            var (page, _, _) = PageDecoder.Decode(item.Page);
            if (page is null)
            {
                continue;
            }

            var article = extractor.Extract(page, LineStatistics.Empty);
            var paragraphs = article.Paragraphs.Select(article.ParagraphText).Where(p => p.Length >= 40).ToArray();
            if (paragraphs.Length >= 2)
            {
                var title = article.Title?.Value ?? page.Raw.Hints.Title ?? paragraphs[0][..Math.Min(80, paragraphs[0].Length)];
                sources.Add((title, paragraphs));
            }

            if (sources.Count >= maxSources)
            {
                break;
            }
        }

        return sources;
    }

    /// <summary>Writes the corpus into <paramref name="folder"/> as corpus-NNNN.jsonl.gz shards; returns the files.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<(string Title, string[] Paragraphs)> sources, string folder, BenchCorpusOptions options)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        if (sources.Count == 0)
        {
            throw new InvalidOperationException("no source articles with at least two paragraphs were found");
        }

        Directory.CreateDirectory(folder);
        var random = new Random(options.Seed);
        var outlets = Enumerable.Range(0, 60).Select(i => MakeOutlet(i, new Random(options.Seed * 7919 + i))).ToArray();
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var files = new List<string>();
        var recent = new List<(string Title, string[] Paragraphs, DateTime Date)>(); // bounded: republishing draws from the last few hundred
        StreamWriter? writer = null;
        try
        {
            for (var i = 0; i < options.Articles; i++)
            {
                if (i % options.ShardSize == 0)
                {
                    writer?.Dispose();
                    var file = Path.Combine(folder, $"corpus-{i / options.ShardSize:D4}.jsonl.gz");
                    files.Add(file);
                    writer = new StreamWriter(new GZipStream(File.Create(file), CompressionLevel.Fastest), new UTF8Encoding(false));
                }

                string title;
                string[] paragraphs;
                DateTime date;
                if (recent.Count > 10 && random.NextDouble() < options.RepublishShare)
                {
                    var original = recent[random.Next(recent.Count)];
                    title = Retitle(original.Title, random);
                    paragraphs = Republish(original.Paragraphs, random);
                    date = original.Date.AddHours(random.Next(1, 72));
                }
                else
                {
                    var source = sources[random.Next(sources.Count)];
                    var count = Math.Min(source.Paragraphs.Length, random.Next(3, 14));
                    var from = random.Next(source.Paragraphs.Length - count + 1);
                    var list = source.Paragraphs.Skip(from).Take(count).ToList();
                    if (random.NextDouble() < 0.3)
                    {
                        var other = sources[random.Next(sources.Count)];
                        list.Insert(random.Next(list.Count + 1), other.Paragraphs[random.Next(other.Paragraphs.Length)]);
                    }

                    title = source.Title;
                    paragraphs = [.. list];
                    date = start.AddMinutes(random.Next(0, 180 * 24 * 60));
                }

                recent.Add((title, paragraphs, date));
                if (recent.Count > 500)
                {
                    recent.RemoveAt(random.Next(recent.Count));
                }

                var outlet = outlets[random.Next(outlets.Length)];
                var body = options.Html ? outlet.Html(title, paragraphs, date) : outlet.Text(title, paragraphs, date);
                writer!.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    [options.Html ? "html" : "text"] = body,
                    ["url"] = $"https://{outlet.Host}/{date:yyyy/MM/dd}/story-{i}",
                }));
            }
        }
        finally
        {
            writer?.Dispose();
        }

        return files;
    }

    private static string Retitle(string title, Random random) => random.Next(3) switch
    {
        0 => title,
        1 => "UPDATE: " + title,
        _ => title.ToUpperInvariant()[..1] + title[1..] + " - report",
    };

    private static string[] Republish(string[] paragraphs, Random random)
    {
        var list = paragraphs.Select(p => random.NextDouble() < 0.5 ? Curly(p) : p).ToList();
        if (list.Count > 4 && random.NextDouble() < 0.4)
        {
            list.RemoveAt(list.Count - 1);
        }

        if (random.NextDouble() < 0.2)
        {
            list.Add("Editor's note: this story has been updated with new information.");
        }

        return [.. list];
    }

    private static string Curly(string text) =>
        text.Replace(" \"", " \u201C", StringComparison.Ordinal).Replace("\" ", "\u201D ", StringComparison.Ordinal).Replace('\'', '\u2019');

    private static Outlet MakeOutlet(int i, Random random)
    {
        var town = Towns[i % Towns.Length];
        var name = $"The {town} {OutletWords[(i / Towns.Length + i) % OutletWords.Length]}";
        var host = name.ToLowerInvariant().Replace("the ", "", StringComparison.Ordinal).Replace(' ', '-') + ".example";
        var sections = Sections.OrderBy(_ => random.Next()).Take(random.Next(4, 8)).ToArray();
        return new Outlet(name, host, sections, random.Next(2) == 0);
    }

    private sealed record Outlet(string Name, string Host, string[] Sections, bool DateFirst)
    {
        public string Text(string title, string[] paragraphs, DateTime date)
        {
            var sb = new StringBuilder();
            sb.Append("Skip to content\n").Append(Name).Append('\n').AppendJoin(" | ", Sections).Append('\n');
            var stamp = date.ToString("HH:mm 'GMT' d MMMM yyyy", CultureInfo.InvariantCulture);
            if (DateFirst)
            {
                sb.Append(stamp).Append('\n');
            }

            sb.Append(title).Append("\n\n");
            if (!DateFirst)
            {
                sb.Append("Updated ").Append(date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)).Append('\n');
            }

            sb.Append("Share this article\nFacebook\nX\nEmail\n\n");
            for (var k = 0; k < paragraphs.Length; k++)
            {
                sb.Append(paragraphs[k]).Append("\n\n");
                if (k == 2)
                {
                    sb.Append("READ MORE: ").Append(Sections[0]).Append(" news from ").Append(Name).Append("\n\n");
                }
            }

            sb.Append("Sign up for the ").Append(Name).Append(" morning newsletter\nEnter your email address\nSubscribe\n");
            sb.Append("Most read\n").Append("© ").Append(date.Year).Append(' ').Append(Name).Append(". All rights reserved.\nPrivacy policy | Terms of use | Contact us\n");
            return sb.ToString();
        }

        public string Html(string title, string[] paragraphs, DateTime date)
        {
            static string E(string s) => System.Net.WebUtility.HtmlEncode(s);
            var sb = new StringBuilder();
            sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append(" | ").Append(E(Name)).Append("</title>");
            sb.Append("<meta property=\"og:site_name\" content=\"").Append(E(Name)).Append("\"><meta property=\"article:published_time\" content=\"").Append(date.ToString("s", CultureInfo.InvariantCulture)).Append("Z\"></head><body>");
            sb.Append("<header><nav><ul>");
            foreach (var s in Sections)
            {
                sb.Append("<li><a href=\"/").Append(s.ToLowerInvariant()).Append("\">").Append(s).Append("</a></li>");
            }

            sb.Append("</ul></nav></header><main><article><h1>").Append(E(title)).Append("</h1><time datetime=\"").Append(date.ToString("s", CultureInfo.InvariantCulture)).Append("\">")
                .Append(date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append("</time><div class=\"share\">Share: Facebook X Email</div>");
            foreach (var p in paragraphs)
            {
                sb.Append("<p>").Append(E(p)).Append("</p>");
            }

            sb.Append("</article><aside class=\"related\"><h3>Related</h3><ul><li><a href=\"/x\">More from ").Append(E(Name)).Append("</a></li></ul></aside></main>");
            sb.Append("<footer><p>© ").Append(date.Year).Append(' ').Append(E(Name)).Append(". All rights reserved.</p></footer></body></html>");
            return sb.ToString();
        }
    }
}
