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
                app = StorylineServer.Build(new WebOptions { DbPath = path, Host = parse.GetValue(host)!, Port = portValue });
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
}
