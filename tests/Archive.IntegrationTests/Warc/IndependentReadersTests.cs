using System.Diagnostics;
using System.Text.Json;
using Archive.Capture;
using Archive.IntegrationTests.Cli;
using Archive.IntegrationTests.Fixtures;
using Archive.TestSite;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace Archive.IntegrationTests.Warc;

/// <summary>
/// Our WARC and WACZ files read by tools we did not write: warcio.js (Webrecorder's reader) parses a capture's WARC
/// and recomputes every digest; ReplayWeb.page opens an exported WACZ in Chromium and replays the page from it.
/// ./test.sh fetches both from npm into .archive/tools; without them these tests skip and say why.
/// </summary>
[NonParallelizable]
public sealed class IndependentReadersTests
{
    private static readonly string Tools = Path.Combine(Repository.Root, ".archive", "tools");
    private static readonly string Sentence = Pages.Paragraphs[0];

    private StorySite story = null!;
    private string warc = null!;

    [OneTimeSetUp]
    public async Task CheckAndExport()
    {
        story = await StorySite.StartAsync("readers", 31);
        var (exit, output, error) = await DefaultRunTests.Archive(story.Work, "check", "--map", story.Site.Map, "--no-memento");
        Assert.That(exit, Is.Zero, output + error);
        (exit, output, error) = await DefaultRunTests.Archive(story.Work, "export", "--wacz", "story", "-o", "story.wacz");
        Assert.That(exit, Is.Zero, output + error);
        warc = Directory.GetFiles(Path.Combine(story.Work, "snapshots", "story"), "capture.warc.gz", SearchOption.AllDirectories).Single();
    }

    [OneTimeTearDown]
    public Task StopSite() => story.StopAsync();

    [Test]
    public async Task Warcio_js_parses_the_capture_with_every_digest_right()
    {
        var warcio = Path.Combine(Tools, "node_modules", "warcio", "dist", "index.js");
        if (!File.Exists(warcio) || !OnPath("node"))
        {
            Assert.Ignore($"warcio.js is not at {warcio} (or node is missing); ./test.sh fetches it with npm");
        }

        var script = Path.Combine(story.Work, "check.mjs");
        await File.WriteAllTextAsync(script, CheckScript);
        var (exit, output, error) = await Run("node", script, new Uri(warcio).AbsoluteUri, warc);
        Assert.That(exit, Is.Zero, error);
        using var result = JsonDocument.Parse(output);
        var records = result.RootElement.GetProperty("records").EnumerateArray().ToList();
        Assert.That(records.Select(r => r.GetProperty("type").GetString()), Is.SupersetOf(new[] { "warcinfo", "request", "response", "resource", "metadata" }));
        Assert.That(records.Select(r => r.GetProperty("blockOk").GetBoolean()), Has.All.True, output);
        Assert.That(records.Where(r => r.TryGetProperty("payloadOk", out _)).Select(r => r.GetProperty("payloadOk").GetBoolean()), Has.All.True, output);
        Assert.That(records.Select(r => r.GetProperty("uri").GetString()), Does.Contain("https://news.example/story").And.Contain("https://news.example/old-story"));
    }

    [Test]
    public async Task ReplayWeb_page_replays_the_exported_wacz()
    {
        var replay = Path.Combine(Tools, "replaywebpage");
        if (!File.Exists(Path.Combine(replay, "ui.js")) || !File.Exists(Path.Combine(replay, "sw.js")))
        {
            Assert.Ignore($"ReplayWeb.page is not at {replay}; ./test.sh fetches it with npm");
        }

        // ReplayWeb.page's own embedding: its UI script, its service worker under replay/, and the package, read by range.
        await using var host = await LiveSite.StartAsync();
        host.Html("/index.html", """<!DOCTYPE html><html><head><script src="/ui.js"></script></head><body><replay-web-page style="height:800px;display:block" source="/story.wacz" url="https://news.example/story" embed="replayonly"></replay-web-page></body></html>""");
        host.Route("/ui.js", Served(Path.Combine(replay, "ui.js"), "application/javascript"));
        host.Route("/replay/sw.js", Served(Path.Combine(replay, "sw.js"), "application/javascript"));

        // The component's frame opens replay/; until the service worker controls it, that request reaches the
        // server, which must answer with the app itself (as replayweb.page is deployed: index.html, ui.js and
        // sw.js side by side). Without it a busy machine's first load showed a 404 in the frame.
        host.Route("/replay/", Served(Path.Combine(replay, "index.html"), "text/html"));
        host.Route("/replay/ui.js", Served(Path.Combine(replay, "ui.js"), "application/javascript"));
        host.Route("/story.wacz", Served(Path.Combine(story.Work, "story.wacz"), "application/wacz+zip"));

        var liveHits = story.Site.Hits("/story") + story.Site.Hits("/img/lead.jpg");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserLocator.Find(null)!.ExecutablePath,
            Args = [.. BrowserOptions.LaunchArguments],
        });
        var page = await browser.NewPageAsync();
        var console = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, m) => console.Enqueue($"{m.Type}: {m.Text}");
        page.Worker += (_, w) => console.Enqueue("worker " + w.Url);
        await page.GotoAsync(new Uri(host.BaseUrl, "index.html").AbsoluteUri);

        // The replayed page sits in frames inside the component; any of them showing the story's text is the replay.
        var deadline = Stopwatch.StartNew();
        string? replayed = null;
        while (replayed is null && deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            foreach (var frame in page.Frames)
            {
                try
                {
                    if ((await frame.InnerTextAsync("body", new FrameInnerTextOptions { Timeout = 1000 })).Contains(Sentence, StringComparison.Ordinal))
                    {
                        replayed = frame.Url;
                    }
                }
                catch (PlaywrightException)
                {
                    // a frame still loading or gone
                }
            }

            await Task.Delay(500);
        }

        Assert.That(replayed, Is.Not.Null, "ReplayWeb.page showed the archived story: " + string.Join(", ", page.Frames.Select(f => f.Url)) + "\n" + string.Join("\n", console.Take(40)));
        Assert.That(host.Hits("/story.wacz"), Is.Positive);
        Assert.That(story.Site.Hits("/story") + story.Site.Hits("/img/lead.jpg"), Is.EqualTo(liveHits), "the replay read the package, never the live site");
    }

    private static Func<HttpContext, Task> Served(string path, string contentType) =>
        context => Results.File(path, contentType, enableRangeProcessing: true).ExecuteAsync(context);

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, name)));

    private static async Task<(int Exit, string Output, string Error)> Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Reads every record with warcio.js and recomputes the block and payload digests itself (sha256, base32).</summary>
    private const string CheckScript = """
        import { createReadStream } from "node:fs";
        import { createHash } from "node:crypto";
        const { WARCParser } = await import(process.argv[2]);
        const b32 = (buf) => { const a = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"; let bits = 0, value = 0, out = "";
          for (const byte of buf) { value = ((value << 8) | byte) & 0xffff; bits += 8; while (bits >= 5) { out += a[(value >>> (bits - 5)) & 31]; bits -= 5; } }
          if (bits > 0) out += a[(value << (5 - bits)) & 31]; while (out.length % 8) out += "="; return out; };
        const digest = (bytes) => "sha256:" + b32(createHash("sha256").update(bytes).digest());
        const records = [];
        for await (const record of new WARCParser(createReadStream(process.argv[3]), { parseHttp: false })) {
          const h = record.warcHeaders.headers;
          const block = Buffer.from(await record.readFully(false));
          const entry = { type: record.warcType, uri: record.warcTargetURI ?? null, blockOk: h.get("WARC-Block-Digest") === digest(block) };
          if (h.get("WARC-Payload-Digest")) entry.payloadOk = h.get("WARC-Payload-Digest") === digest(block.subarray(block.indexOf("\r\n\r\n") + 4));
          records.push(entry);
        }
        console.log(JSON.stringify({ records }));
        """;
}
