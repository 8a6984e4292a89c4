using System.Text.Json;
using Archive.Capture;
using Archive.Snapshots;
using Archive.Web;

namespace Archive.Tests.Snapshots;

public sealed class SnapshotStoreTests
{
    private static PageCapture Capture(byte[] image) => new(
        new Uri("https://news.example/a"),
        new Uri("https://news.example/b"),
        [new RedirectHop(new Uri("https://news.example/a"), 301)],
        200,
        "text/html",
        null,
        "<html><body><p>live</p></body></html>",
        "live",
        [0x89, 0x50, 0x4E, 0x47],
        [new CapturedImage(new Uri("https://news.example/i.png"), 200, "image/png", image.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(image)), image, false)],
        [new FailedRequest(new Uri("https://ads.example/x.js"), "script", "DNS lookup failed for ads.example")],
        ["Uncaught TypeError"],
        ["dismissed a consent overlay (OK)"],
        new CaptureTimings(1, 2, 3, 6),
        null)
    {
        CapturedAt = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero),
    };

    [Test]
    public async Task WritesACompleteFolderAndStoresMediaOnceByHash()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        var image = new byte[] { 1, 2, 3 };
        var first = await store.WriteAsync("seed-1", Capture(image), CancellationToken.None);
        var second = await store.WriteAsync("seed-1", Capture(image), CancellationToken.None);

        Assert.That(first, Is.EqualTo(Path.Combine("seed-1", "20261124T080000Z")));
        Assert.That(second, Is.EqualTo(Path.Combine("seed-1", "20261124T080000Z-2")), "a second capture in the same second gets its own folder");
        Assert.That(Directory.GetFiles(Path.Combine(dir.Path, first)).Select(Path.GetFileName), Is.EquivalentTo(new[] { "capture.json", "page.html", "page.txt", "screenshot.jpg" }));
        Assert.That(Directory.GetFiles(Path.Combine(dir.Path, SnapshotStore.MediaFolder)), Has.Length.EqualTo(1));

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir.Path, first, "capture.json")));
        var root = json.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("finalUrl").GetString(), Is.EqualTo("https://news.example/b"));
            Assert.That(root.GetProperty("redirects")[0].GetProperty("status").GetInt32(), Is.EqualTo(301));
            Assert.That(root.GetProperty("images")[0].GetProperty("sha256").GetString(), Has.Length.EqualTo(64));
            Assert.That(root.GetProperty("failedRequests")[0].GetProperty("reason").GetString(), Does.StartWith("DNS"));
            Assert.That(root.GetProperty("consoleErrors")[0].GetString(), Is.EqualTo("Uncaught TypeError"));
        });
    }

    [Test]
    public void SweepRemovesWhatKilledRunsLeftHalfWritten()
    {
        using var dir = new TempDirectory();
        dir.Write("seed-1/.incomplete-abc/page.html", "<p>half</p>");
        dir.Write("_media/.deadbeef.tmp-123", "half");
        dir.Write("seed-1/20261124T080000Z/capture.json", "{}");
        var swept = new SnapshotStore(dir.Path).SweepIncomplete();
        Assert.That(swept, Is.EqualTo(2));
        Assert.That(Directory.Exists(Path.Combine(dir.Path, "seed-1", ".incomplete-abc")), Is.False);
        Assert.That(File.Exists(Path.Combine(dir.Path, "seed-1", "20261124T080000Z", "capture.json")), Is.True);
    }

    [Test]
    public async Task LearnedBoilerplateRoundTripsAndADamagedFileIsNamedNotOverwritten()
    {
        using var dir = new TempDirectory();
        var store = new SnapshotStore(dir.Path);
        Assert.That((await store.ReadBoilerplateAsync(CancellationToken.None)).Export(), Is.Empty, "no file yet: nothing learned");

        var learned = new Archive.Diff.SiteBoilerplate();
        var interner = new Archive.Diff.TokenInterner();
        foreach (var seed in new[] { "a", "b", "c" })
        {
            learned.Observe(new Uri($"https://news.example/{seed}"), seed, [interner.Tokenize("Sign up for our morning newsletter today")]);
        }

        Assert.That(learned.Export(), Is.Not.Empty, "three pages of one host showed the same block");
        await store.WriteBoilerplateAsync(learned, CancellationToken.None);
        var read = await store.ReadBoilerplateAsync(CancellationToken.None);
        Assert.That(read.Export(), Is.EqualTo(learned.Export()).AsCollection);

        var path = Path.Combine(dir.Path, SnapshotStore.BoilerplateFile);
        await File.WriteAllTextAsync(path, "{ not json");
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => store.ReadBoilerplateAsync(CancellationToken.None));
        Assert.That(error!.Message, Does.Contain(path));
        Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo("{ not json"));
    }
}
