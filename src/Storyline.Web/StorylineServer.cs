using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Storyline.Web;

/// <summary>
/// <c>storyline serve</c>: the JSON API and the web page from one ASP.NET Core process over one store. Built once;
/// run with <see cref="WebApplication.RunAsync(string?)"/> or <see cref="WebApplication.StartAsync"/>.
/// </summary>
public static class StorylineServer
{
    /// <summary>The Content-Security-Policy of every response: scripts and styles only from this server, nothing inline.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    /// <summary>Builds the server; throws <see cref="ArgumentException"/> with a one-line reason for unusable options.</summary>
    public static WebApplication Build(WebOptions options, ILoggerProvider? logs = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.DbPath == ":memory:" || options.DbPath.StartsWith("file::memory:", StringComparison.Ordinal))
        {
            throw new ArgumentException(":memory: cannot be served: the readers and the writer must share one store file (use --db FILE)");
        }

        var address = ParseHost(options.Host);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Storyline.Web", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        if (options.LogToConsole)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxUploadBytes;
            k.Listen(address, options.Port, l => l.Protocols = HttpProtocols.Http1);
        });

        // Created by the container, so it disposes them with the app: the writer first, then the readers it refreshes.
        builder.Services.AddSingleton(_ => new StoreAccess(options.DbPath, options.ReaderPoolSize));
        builder.Services.AddSingleton(sp => new IngestWriter(options, sp.GetRequiredService<StoreAccess>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("Storyline.Ingest")));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new EmbeddedAssets());
        builder.Services.AddSingleton(new ViewCache());
        builder.Services.AddSingleton(new StoryViews());

        var app = builder.Build();
        var loopbackOnly = IPAddress.IsLoopback(address);
        app.Use((context, next) => Guard(context, next, loopbackOnly, app.Logger));
        ApiEndpoints.Map(app);
        if (options.WarmStoryViews)
        {
            ApiEndpoints.StartWarmer(app);
        }

        var assets = app.Services.GetRequiredService<EmbeddedAssets>();
        app.MapGet("/", (HttpContext c) => assets.Serve(c, "/index.html"));
        foreach (var path in assets.Paths)
        {
            app.MapGet(path, (HttpContext c) => assets.Serve(c, path));
        }

        // GET only, so another method on a known route is answered 405 by routing, not 404 here.
        app.MapFallback((HttpContext c) => Problems.NotFound($"{c.Request.Path}: no such page or API route (GET /openapi.json lists the API)"))
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        return app;
    }

    /// <summary>The address actually bound (with the port Kestrel chose when 0 was asked).</summary>
    public static Uri Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new Uri(app.Urls.First());
    }

    internal static IPAddress ParseHost(string host) => host switch
    {
        "localhost" => IPAddress.Loopback,
        "*" or "0.0.0.0" => IPAddress.Any,
        "::" or "[::]" => IPAddress.IPv6Any,
        _ when IPAddress.TryParse(host.Trim('[', ']'), out var ip) => ip,
        _ => throw new ArgumentException($"{host}: not an IP address (use 127.0.0.1, ::1, localhost or 0.0.0.0)"),
    };

    /// <summary>
    /// Every request: security headers; on a loopback server only loopback Host names (a rebound DNS name cannot reach
    /// the API from a web page); writes only from this origin; an error as problem+json without internals.
    /// </summary>
    private static async Task Guard(HttpContext context, RequestDelegate next, bool loopbackOnly, ILogger log)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";

        var request = context.Request;
        if (loopbackOnly && !IsLoopbackHost(request.Host.Host))
        {
            await Problems.WriteAsync(context, StatusCodes.Status403Forbidden, $"host '{request.Host.Host}' is not served: this server listens on loopback only").ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !SameOrigin(request))
        {
            await Problems.WriteAsync(context, StatusCodes.Status403Forbidden, "writes are accepted only from this server's own page or from tools without a browser origin").ConfigureAwait(false);
            return;
        }

        if (request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            headers.CacheControl = "no-store";
        }

        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e)
        {
            if (!context.Response.HasStarted)
            {
                await Problems.WriteAsync(context, e.StatusCode, e.StatusCode == 413 ? "the request body is too large" : "the request could not be read").ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "request {Path} failed", request.Path);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await Problems.WriteAsync(context, StatusCodes.Status500InternalServerError, "the server could not answer this request; the error is in its log").ConfigureAwait(false);
            }

            return;
        }

        // Routing's own refusals (405, 415) get a problem body too.
        if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && context.Response.ContentType is null)
        {
            await Problems.WriteAsync(context, context.Response.StatusCode, $"{request.Method} {request.Path} is not accepted").ConfigureAwait(false);
        }
    }

    private static bool IsLoopbackHost(string host) =>
        host is "localhost" or "127.0.0.1" or "[::1]" or "::1" || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>A browser always says where a cross-site write comes from (Origin, Sec-Fetch-Site); tools such as curl say nothing.</summary>
    private static bool SameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site is "cross-site" or "same-site")
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
