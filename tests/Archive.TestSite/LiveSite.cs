using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Archive.TestSite;

/// <summary>
/// The "live web" for tests: a real Kestrel server on 127.0.0.1 and a free port. Tests give it routes (pages,
/// redirects, errors, slowness) and point seeds at <c>https://news.example/…</c> through <see cref="Map"/>.
/// Routes can be added at any time; every request is counted.
/// </summary>
public sealed class LiveSite : IAsyncDisposable
{
    public const string PublicBase = "https://news.example/";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> hits = new(StringComparer.Ordinal);

    private LiveSite(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the server really is: http://127.0.0.1:PORT/.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The <c>--map</c> argument that sends <see cref="PublicBase"/> here.</summary>
    public string Map => $"{PublicBase}={BaseUrl.AbsoluteUri}";

    public static async Task<LiveSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Limits.MaxResponseBufferSize = null).UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        LiveSite? site = null;
        app.Run(async context =>
        {
            var key = context.Request.Path.Value ?? "/";
            site!.hits.AddOrUpdate(key, 1, (_, n) => n + 1);
            if (site.Latency > TimeSpan.Zero)
            {
                await Task.Delay(site.Latency, context.RequestAborted);
            }

            if (site.routes.TryGetValue(key, out var handler) || site.routes.TryGetValue(key.TrimEnd('/') + "/*", out handler) || site.PrefixRoute(key, out handler))
            {
                await handler(context);
                return;
            }

            context.Response.StatusCode = 404;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync("<html><head><title>404</title></head><body><h1>Not found</h1></body></html>");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        site = new LiveSite(app, new Uri(address.TrimEnd('/') + "/"));
        return site;
    }

    /// <summary>How long every response waits before it starts, as a distant server's would (zero by default).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The public (seed-side) URL for a path on this site.</summary>
    public static Uri Public(string path) => new(PublicBase + path.TrimStart('/'));

    /// <summary>Serves <paramref name="handler"/> at <paramref name="path"/>; a path ending in <c>/*</c> serves everything below it.</summary>
    public LiveSite Route(string path, Func<HttpContext, Task> handler)
    {
        routes[path] = handler;
        return this;
    }

    public LiveSite Html(string path, string html, int status = 200) => Route(path, context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html);
    });

    public LiveSite Bytes(string path, string contentType, byte[] bytes, int status = 200) => Route(path, async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(bytes);
    });

    /// <summary>Answers with a redirect whose Location is written exactly as given (absolute, root-relative or relative).</summary>
    public LiveSite Redirect(string path, string location, int status = 302) => Route(path, context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    });

    public int Hits(string path) => hits.TryGetValue(path, out var n) ? n : 0;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private bool PrefixRoute(string path, out Func<HttpContext, Task> handler)
    {
        foreach (var (key, value) in routes)
        {
            if (key.EndsWith("/*", StringComparison.Ordinal) && path.StartsWith(key[..^1], StringComparison.Ordinal))
            {
                handler = value;
                return true;
            }
        }

        handler = null!;
        return false;
    }
}
