using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Storyline.Web;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline serve [--db] [--port 5080] [--host 127.0.0.1]</c>: the web page and the JSON API over one store.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var port = new Option<int>("--port") { Description = "The port to listen on (0 picks a free one).", DefaultValueFactory = _ => 5080 };
        var host = new Option<string>("--host") { Description = "The address to bind: loopback unless you say otherwise (0.0.0.0 serves the network, without authentication).", DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command("serve", "Serve the story pages and the JSON API (GET /openapi.json describes it); POST /api/ingest adds pages while people read. " + Terminal.ExitCodesHelp) { db, port, host };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(db)!;
            var portValue = parse.GetValue(port);
            if (portValue is < 0 or > 65535)
            {
                Terminal.Error($"--port {portValue}: a port is from 0 to 65535");
                return Terminal.Fatal;
            }

            // Opening once up front turns a bad store into one clear line before the server starts.
            using (var check = CommonOptions.OpenStore(path, mustExist: false))
            {
                if (check is null)
                {
                    return Terminal.Fatal;
                }
            }

            Microsoft.AspNetCore.Builder.WebApplication app;
            try
            {
                app = StorylineServer.Build(new WebOptions { DbPath = path, Host = parse.GetValue(host)!, Port = portValue, LogToConsole = true });
            }
            catch (ArgumentException e)
            {
                Terminal.Error(e.Message);
                return Terminal.Fatal;
            }

            await using (app)
            {
                try
                {
                    await app.StartAsync(cancellationToken);
                }
                catch (IOException e)
                {
                    Terminal.Error($"cannot listen on {parse.GetValue(host)}:{portValue}: {e.Message}");
                    return Terminal.Fatal;
                }

                Terminal.Info($"serving {path} at {StorylineServer.Address(app)} (Ctrl+C stops)");
                await app.WaitForShutdownAsync(cancellationToken);
            }

            return Terminal.Ok;
        });
        return command;
    }

    /// <summary>
    /// <c>storyline serve-bench</c>: a load client for a running <c>storyline serve</c>, from a second process on
    /// loopback: story pages requested by several workers for a bounded time and count, optionally while it posts
    /// pages to the live ingest; prints latency percentiles and errors. A benchmark, not a test.
    /// </summary>
    public static Command Bench()
    {
        var url = new Option<string>("--url") { Description = "The server (loopback only).", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var seconds = new Option<int>("--seconds") { Description = "How long to load (1-600).", DefaultValueFactory = _ => 30 };
        var requests = new Option<int>("--requests") { Description = "Most story-page requests in all.", DefaultValueFactory = _ => 200_000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight (1-64).", DefaultValueFactory = _ => 4 };
        var stories = new Option<int>("--stories") { Description = "How many stories to cycle through (the list's first).", DefaultValueFactory = _ => 200 };
        var ingest = new Option<string?>("--ingest") { Description = "A folder of .txt pages to post to /api/ingest while loading, in batches." };
        var batch = new Option<int>("--batch") { Description = "Pages per ingest request.", DefaultValueFactory = _ => 50 };
        var warm = new Option<int>("--warm") { Description = "Wait up to this many seconds for the server to compose its story views first (0: start at once).", DefaultValueFactory = _ => 0 };
        var json = CommonOptions.Json();
        var command = new Command("serve-bench", "Load a running `storyline serve` from this second process (loopback only): story pages (as the page asks for them) under concurrency, optionally with a live ingest; prints p50/p90/p99 and errors.")
        {
            url, seconds, requests, concurrency, stories, ingest, batch, warm, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var baseUri) || !(baseUri.IsLoopback))
            {
                Terminal.Error($"--url {parse.GetValue(url)}: the load client only targets loopback addresses (127.0.0.1, localhost, ::1)");
                return Terminal.Fatal;
            }

            var options = new LoadOptions(
                baseUri,
                Math.Clamp(parse.GetValue(seconds), 1, 600),
                Math.Max(1, parse.GetValue(requests)),
                Math.Clamp(parse.GetValue(concurrency), 1, 64),
                Math.Max(1, parse.GetValue(stories)),
                parse.GetValue(ingest),
                Math.Clamp(parse.GetValue(batch), 1, 1000),
                Math.Clamp(parse.GetValue(warm), 0, 3600));
            try
            {
                var report = await LoadClient.RunAsync(options, Terminal.Info, cancellationToken);
                Terminal.Output(parse.GetValue(json) ? System.Text.Json.JsonSerializer.Serialize(report, Model.StorylineJson.Options) : report.ToText(), null);
                return report.Errors == 0 ? Terminal.Ok : Terminal.SomeInputsFailed;
            }
            catch (HttpRequestException e)
            {
                Terminal.Error($"{baseUri}: {e.Message} (is `storyline serve` running there?)");
                return Terminal.Fatal;
            }
        });
        return command;
    }
}

