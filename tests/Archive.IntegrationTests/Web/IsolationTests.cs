using System.Net;
using System.Net.Sockets;
using Archive.IntegrationTests.Fixtures;
using Archive.Verdict;
using Archive.Web;

namespace Archive.IntegrationTests.Web;

/// <summary>
/// The address policy holds for every connection, not just every request the tool sees: a logging server on
/// another loopback port counts the connections it accepts while a hostile page and an archived body that point
/// at it are checked through the real Chromium. It must count none, with the map to an address and to a hostname.
/// </summary>
[NonParallelizable]
public sealed class IsolationTests
{
    private LiveSite site = null!;
    private string root = null!;
    private TcpListener listener = null!;
    private int accepted;
    private Task acceptLoop = null!;

    private int LogPort => ((IPEndPoint)listener.LocalEndpoint).Port;

    [OneTimeSetUp]
    public async Task Start()
    {
        Harness.RequireBrowser();
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        acceptLoop = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var client = await listener.AcceptTcpClientAsync();
                    Interlocked.Increment(ref accepted);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // stopped
            }
        });
        site = await LiveSite.StartAsync();
        root = Directory.CreateTempSubdirectory("archive-isolation-").FullName;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        listener?.Dispose();
        if (acceptLoop is not null)
        {
            await acceptLoop;
        }

        await Harness.CleanUpAsync(site, root);
    }

    [TestCase("127.0.0.1")]
    [TestCase("localhost")]
    public async Task NoPageLinkOrMediaReachesAnAddressThePolicyRefuses(string mapHost)
    {
        var log = $"http://127.0.0.1:{LogPort}";
        // An unmapped URL at the very host and port the map sends the seed to: a pooled connection must not carry it.
        var beside = $"http://{mapHost}:{site.BaseUrl.Port}/secret";
        var hostile = $$"""
            <!DOCTYPE html><html><head><title>Isolation</title>
            <link rel="preconnect" href="{{log}}"><link rel="prefetch" href="{{log}}/prefetch"><link rel="stylesheet" href="{{log}}/style.css">
            </head><body><article><h1>Isolation</h1>
            {{string.Concat(Pages.Paragraphs.Select(p => $"<p>{p}</p>"))}}
            <img src="{{log}}/img.png"><iframe src="{{log}}/frame"></iframe><object data="{{log}}/object"></object>
            <iframe name="sink" srcdoc="<meta http-equiv=refresh content='0;url={{log}}/refresh'>"></iframe>
            <form id="f" method="post" action="{{log}}/form" target="sink"><input name="a" value="b"></form>
            <a id="away" href="{{log}}/clicked">away</a>
            </article>
            <script>
              fetch('{{log}}/fetch').catch(() => {});
              fetch('{{beside}}-from-page').catch(() => {});
              navigator.sendBeacon('{{log}}/beacon', 'x');
              try { new WebSocket('ws://127.0.0.1:{{LogPort}}/ws'); } catch {}
              try { new EventSource('{{log}}/events'); } catch {}
              try { const pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:127.0.0.1:{{LogPort}}' }] }); pc.createDataChannel('x'); pc.createOffer().then(o => pc.setLocalDescription(o)); } catch {}
              window.open('{{log}}/popup');
              document.getElementById('f').submit();
            </script></body></html>
            """;
        var path = $"/isolation-{mapHost}";
        site.Html(path, hostile);
        var seeds = Path.Combine(root, "seeds-" + mapHost);
        Pages.Seed(seeds, "isolation", LiveSite.Public(path), Pages.Body(Pages.Paragraphs)
            + $"<p><a href=\"{log}/archived-link\">link</a> <a href=\"{beside}\">beside</a></p><img src=\"{log}/archived.jpg\"><img src=\"{beside}.jpg\">", "Isolation");

        var map = new UrlMap([UrlMapping.Parse($"{LiveSite.PublicBase}=http://{mapHost}:{site.BaseUrl.Port}/")]);
        // Every picture taken, so the archived body is rendered too (with its links and images to the refused address).
        var options = Harness.Check(site, Path.Combine(root, "snapshots-" + mapHost)) with { Map = map, Capture = Harness.Capture with { Screenshots = Archive.Capture.ScreenshotPolicy.All } };
        var before = Volatile.Read(ref accepted);
        var (report, _) = await Harness.RunAsync(options, seeds);

        var seed = report.Seeds.Single();
        Assert.That(seed.Status, Is.Not.EqualTo(SeedStatus.Error), seed.Reason);
        Assert.That(File.Exists(Path.Combine(root, "snapshots-" + mapHost, seed.Snapshot!, "archived.jpg")), Is.True, "the archived body was rendered");
        Assert.That(Volatile.Read(ref accepted) - before, Is.Zero, "connections accepted by the logging server");
        Assert.That(site.Hits("/secret") + site.Hits("/secret-from-page") + site.Hits("/secret.jpg"), Is.Zero, "unmapped URLs at the map target's address");
        Assert.That(seed.Links.Where(l => l.Url.Contains($":{LogPort}/", StringComparison.Ordinal)).Select(l => l.Status.ToString()), Is.All.EqualTo("Error"), "archived links to the refused address are errors, never fetched");
    }
}
