using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Archive.Links;
using Archive.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Archive.Bench;

/// <summary>
/// The link stage on its own: N distinct URLs spread over 100 host names, each host a port of one local Kestrel
/// (so per-host limits are per host, as on the web), every answer delayed 0–200 ms, a known truth for every URL
/// (ok, redirect, dead, soft-404 of each kind). Links per second and peak memory at the default limits, accuracy
/// per kind; then the same URLs through linkinator (npm), if installed, with its accuracy beside ours.
/// </summary>
internal static class LinkBenchmark
{
    private const int Hosts = 100;

    private enum Kind
    {
        Ok,
        Moved,
        Image,
        Gone,
        NotFoundText,
        RedirectHome,
        CatchAll,
    }

    public static async Task<int> RunAsync(int links, string? linkinator)
    {
        await using var server = await BenchServer.StartAsync();
        var urls = Enumerable.Range(0, links).Select(i => (Url: server.Public(i % Hosts, i), Kind: KindOf(i))).ToList();
        Console.WriteLine($"{links} distinct URLs over {Hosts} hosts, latency 0–200 ms per response");

        var map = new UrlMap(Enumerable.Range(0, Hosts).Select(h => new UrlMapping(server.PublicBase(h), server.Local(h))));
        using var fetcher = new HttpFetcher(map, FetchOptions.Default);
        using var checker = new LinkChecker(fetcher, LinkOptions.Default with { TimeGate = null }, cache: null);
        using var memory = new PeakMemory();
        var stopwatch = Stopwatch.StartNew();
        var results = await Task.WhenAll(urls.Select(u => checker.CheckAsync(u.Url, CancellationToken.None)));
        stopwatch.Stop();
        var requests = server.Requests;

        Console.WriteLine();
        Console.WriteLine("| tool | links | wall s | links/s | requests | peak RSS MiB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| archive (library, defaults) | {links} | {stopwatch.Elapsed.TotalSeconds:0.0} | {links / stopwatch.Elapsed.TotalSeconds:0} | {requests} | {memory.Peak / 1048576.0:0} |"));

        Dictionary<string, string>? theirs = null;
        if (linkinator is not null && File.Exists(linkinator))
        {
            server.ResetCount();
            var (wall, peak, states) = await RunLinkinatorAsync(linkinator, server, urls.Select(u => u.Url).ToList());
            theirs = states;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| linkinator (--concurrency 128) | {links} | {wall.TotalSeconds:0.0} | {links / wall.TotalSeconds:0} | {server.Requests} | {peak / 1048576.0:0} |"));
        }

        Console.WriteLine();
        Console.WriteLine("| kind | truth | links | archive right | linkinator right |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        foreach (var group in urls.Select((u, i) => (u.Url, u.Kind, Result: results[i].Result)).GroupBy(r => r.Kind).OrderBy(g => g.Key))
        {
            var truth = Truth(group.Key);
            var ours = group.Count(r => r.Result.Status == truth);
            var linkinatorRight = theirs is null ? "—" : group.Count(r => theirs.TryGetValue(r.Url.AbsoluteUri, out var state) && state == (truth is LinkStatus.Ok or LinkStatus.Redirect ? "OK" : "BROKEN")).ToString(CultureInfo.InvariantCulture);
            Console.WriteLine($"| {group.Key} | {truth.ToString().ToLowerInvariant()} | {group.Count()} | {ours} | {linkinatorRight} |");
            foreach (var wrong in group.Where(r => r.Result.Status != truth).Take(2))
            {
                Console.Error.WriteLine($"  {group.Key}: {wrong.Url} → {wrong.Result.Status} ({wrong.Result.Reason})");
            }
        }

        return 0;
    }

    private static Kind KindOf(int i) => (i % 20) switch
    {
        < 13 => Kind.Ok,
        13 or 14 => Kind.Moved,
        15 => Kind.Image,
        16 => Kind.Gone,
        17 => Kind.NotFoundText,
        18 => Kind.RedirectHome,
        _ => Kind.CatchAll,
    };

    private static LinkStatus Truth(Kind kind) => kind switch
    {
        Kind.Ok or Kind.Image => LinkStatus.Ok,
        Kind.Moved => LinkStatus.Redirect,
        Kind.Gone => LinkStatus.Dead,
        _ => LinkStatus.Soft404,
    };

    private static async Task<(TimeSpan Wall, long Peak, Dictionary<string, string> States)> RunLinkinatorAsync(string linkinator, BenchServer server, List<Uri> urls)
    {
        // linkinator checks the links of a page; it reaches the hosts through its own URL rewriting, the twin of --map.
        var page = new StringBuilder("<!DOCTYPE html><html><body>");
        foreach (var url in urls)
        {
            page.Append("<a href=\"").Append(url.AbsoluteUri).Append("\">x</a>\n");
        }

        server.Index = page.Append("</body></html>").ToString();
        var info = new ProcessStartInfo(linkinator) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            server.Local(0) + "index.html", "--format", "json", "--concurrency", "128", "--timeout", "15000",
            "--url-rewrite-search", @"https://p(\d+)\.bench\.example/", "--url-rewrite-replace", "http://127.0.0.1:$1/",
        })
        {
            info.ArgumentList.Add(arg);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var tree = new ProcessTreeMemory(process.Id);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        while (!process.HasExited)
        {
            tree.Sample();
            await Task.Delay(100);
        }

        stopwatch.Stop();
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var json = JsonDocument.Parse(await output);
            foreach (var link in json.RootElement.GetProperty("links").EnumerateArray())
            {
                // Its report names the rewritten URL: map it back to the public one.
                var url = link.GetProperty("url").GetString()!;
                states[BenchServer.Unrewrite(url)] = link.GetProperty("state").GetString()!;
            }
        }
        catch (JsonException e)
        {
            Console.Error.WriteLine("linkinator's output was not JSON: " + e.Message + "\n" + await errors);
        }

        return (stopwatch.Elapsed, tree.PeakTree, states);
    }

    /// <summary>One Kestrel listening on 100 loopback ports; host N of the benchmark is port N.</summary>
    private sealed class BenchServer : IAsyncDisposable
    {
        private readonly WebApplication app;
        private readonly int[] ports;
        private int requests;

        private BenchServer(WebApplication app, int[] ports)
        {
            this.app = app;
            this.ports = ports;
        }

        public int Requests => requests;

        public string Index { get; set; } = "<html></html>";

        public static async Task<BenchServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls(Enumerable.Repeat("http://127.0.0.1:0", Hosts).ToArray());
            var app = builder.Build();
            BenchServer? server = null;
            app.Run(context => server!.HandleAsync(context));
            await app.StartAsync();
            var ports = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
                .Select(a => new Uri(a).Port).Order().ToArray();
            server = new BenchServer(app, ports);
            return server;
        }

        public string PublicBase(int host) => $"https://p{ports[host]}.bench.example/";

        public string Local(int host) => $"http://127.0.0.1:{ports[host]}/";

        public Uri Public(int host, int i) => new(PublicBase(host) + $"news/{i}");

        public static string Unrewrite(string url) =>
            System.Text.RegularExpressions.Regex.Replace(url, @"^http://127\.0\.0\.1:(\d+)/", "https://p$1.bench.example/");

        public void ResetCount() => requests = 0;

        public ValueTask DisposeAsync() => app.DisposeAsync();

        private async Task HandleAsync(HttpContext context)
        {
            Interlocked.Increment(ref requests);
            var path = context.Request.Path.Value ?? "/";
            var catchAllHost = Array.IndexOf(ports, context.Connection.LocalPort) % 10 == 9; // the hosts of every CatchAll link (i % 20 == 19)
            if (path == "/index.html")
            {
                await Html(context, 200, Index);
                return;
            }

            if (path == "/")
            {
                await Html(context, 200, Page("Front page", "Today's stories from around the world, updated every hour."));
                return;
            }

            var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || parts[0] != "news" || !int.TryParse(parts[1], out var i))
            {
                await Missing(context, catchAllHost);
                return;
            }

            await Task.Delay(i * 7919 % 201);
            if (parts.Length == 3)
            {
                await Html(context, 200, Page($"Story {i}, moved", $"The new home of story {i}, with its own words {i * 31} and {i * 17}."));
                return;
            }

            switch (KindOf(i))
            {
                case Kind.Ok:
                    await Html(context, 200, Page($"Story {i}", $"Story {i} reports on event {i * 13}: council vote {i % 97}, budget {i * 7}, weather {i % 11}."));
                    break;
                case Kind.Moved:
                    context.Response.StatusCode = 301;
                    context.Response.Headers.Location = $"/news/{i}/new";
                    break;
                case Kind.Image:
                    context.Response.ContentType = "image/png";
                    await context.Response.Body.WriteAsync(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A });
                    break;
                case Kind.Gone:
                    await Html(context, 404, Page("Not here", "This story is gone."));
                    break;
                case Kind.NotFoundText:
                    await Html(context, 200, Page("Page not found", "Sorry, we could not find the page you asked for."));
                    break;
                case Kind.RedirectHome:
                    context.Response.StatusCode = 302;
                    context.Response.Headers.Location = "/";
                    break;
                default:
                    await Missing(context, catchAll: true);
                    break;
            }
        }

        // A catch-all server answers unknown paths with its application shell; others with a plain 404.
        private static Task Missing(HttpContext context, bool catchAll) => catchAll
            ? Html(context, 200, Page("Example News", "Loading the application. Please enable JavaScript to read the news."))
            : Html(context, 404, Page("404", "No such page."));

        private static string Page(string title, string text) =>
            $"<!DOCTYPE html><html><head><title>{title}</title></head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><h1>{title}</h1><p>{text}</p><footer>© Bench News</footer></body></html>";

        private static async Task Html(HttpContext context, int status, string html)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html; charset=utf-8";
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await context.Response.WriteAsync(html);
            }
        }
    }

    /// <summary>The process's peak resident memory, sampled from /proc while the benchmark runs.</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly ProcessTreeMemory tree = new(Environment.ProcessId);
        private readonly CancellationTokenSource stop = new();
        private readonly Task sampler;

        public PeakMemory() => sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                tree.Sample();
                await Task.Delay(100).ConfigureAwait(false);
            }
        });

        public long Peak
        {
            get
            {
                tree.Sample();
                return tree.PeakRoot;
            }
        }

        public void Dispose()
        {
            stop.Cancel();
            sampler.Wait();
            stop.Dispose();
        }
    }
}
