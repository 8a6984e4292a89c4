using Archive.Config;
using Archive.Media;
using Archive.Verdict;

namespace Archive.Tests.Config;

/// <summary>archive.json: every setting read, every mistake named with the file and the property path.</summary>
public sealed class ArchiveConfigTests
{
    [Test]
    public void EverySettingIsRead()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("archive.json", """
            {
              // comments and trailing commas are allowed
              "seeds": ["seeds/rfi-*.txt"],
              "maps": { "https://www.rfi.fr/": "http://mirror.local/rfi/" },
              "concurrency": 3, "pageTimeout": 20, "totalTimeout": 90, "seedsPerTab": 7, "allowPrivate": true,
              "snapshots": "snaps", "reports": "out", "userAgent": "ua/1", "staleAfter": "7d", "screenshots": "all", "screenshotScale": 0.5, "warc": false, "notifyStrict": true,
              "notify": ["${HOOK}", { "url": "https://hooks.slack.com/services/T/B/X", "format": "slack", "on": "any" }],
              "json": "out/r.json", "html": "site/index.html", "junit": "ci/junit.xml", "markdown": "ci/summary.md",
              "browserPath": "/usr/bin/chromium", "browserEndpoint": "ws://fleet:3000/",
              "ignore": { "all": { "masks": ["\\d+ 分钟前"] } },
              "links": { "exclude": ["facebook\\.com"], "cacheTtl": "24h", "memento": false, "concurrency": 32 },
              "policy": { "changed": "major", "maxDrift": 0.2, "dead": false, "media": ["missing"], "deadLinks": { "count": 3 },
                          "seeds": [ { "id": "bbc-*", "changed": "off" } ] },
            }
            """);
        var config = ArchiveConfig.Load(path);
        // Paths in the file are taken from the file's folder, wherever the run starts.
        string Beside(string relative) => Path.Combine(temp.Path, relative);
        Assert.That(config.Get(CheckSettings.Seeds), Is.EqualTo(new[] { Beside("seeds/rfi-*.txt") }));
        Assert.That((config.Get(CheckSettings.Snapshots), config.Get(CheckSettings.Reports)), Is.EqualTo((Beside("snaps"), Beside("out"))));
        Assert.That(config.Get(CheckSettings.Maps).Single().From, Is.EqualTo("https://www.rfi.fr/"));
        Assert.That((config.Get(CheckSettings.Concurrency), config.Get(CheckSettings.PageTimeout), config.Get(CheckSettings.TotalTimeout), config.Get(CheckSettings.SeedsPerTab), config.Get(CheckSettings.AllowPrivate)), Is.EqualTo((3, 20.0, 90.0, 7, true)));
        Assert.That(config.Get(CheckSettings.StaleAfter), Is.EqualTo(TimeSpan.FromDays(7)));
        Assert.That(config.Get(CheckSettings.Screenshots), Is.EqualTo(Archive.Capture.ScreenshotPolicy.All));
        Assert.That(config.Get(CheckSettings.ScreenshotScale), Is.EqualTo(0.5));
        Assert.That(config.Get(CheckSettings.Warc), Is.False);
        Assert.That(config.Get(CheckSettings.NotifyStrict), Is.True);
        Assert.That(config.Get(CheckSettings.Notify), Is.EqualTo(new[] { new Archive.Notify.NotifyTarget("${HOOK}"), new Archive.Notify.NotifyTarget("https://hooks.slack.com/services/T/B/X", "slack", Archive.Notify.NotifyOn.Any) }));
        Assert.That(CheckSettings.Outputs.Select(config.Get), Is.EqualTo(new[] { Beside("out/r.json"), Beside("ci/junit.xml"), Beside("site/index.html"), Beside("ci/summary.md") }));
        Assert.That((config.Get(CheckSettings.BrowserPath), config.Get(CheckSettings.BrowserEndpoint)), Is.EqualTo(("/usr/bin/chromium", "ws://fleet:3000/")));
        Assert.That(config.Get(CheckSettings.CacheTtl), Is.EqualTo(TimeSpan.FromHours(24)));
        Assert.That(config.Get(CheckSettings.Memento), Is.False);
        Assert.That((config.Get(CheckSettings.LinkConcurrency), config.Get(CheckSettings.Exclude).Single().ToString()), Is.EqualTo((32, "facebook\\.com")));
        Assert.That(config.Get(CheckSettings.Ignore).All, Is.Not.EqualTo(Archive.Diff.IgnoreRuleSet.None.All));
        Assert.That(CheckSettings.All.Where(s => s.Key is not null).Where(s => !config.Gives(s)).Select(s => s.Key), Is.EqualTo(new[] { "links.enabled", "links.cache", "links.mementoTimegate" }), "every setting the file names is read");
        var policy = config.Get(CheckSettings.Policy);
        Assert.That((policy.Base.Changed, policy.Base.MaxDrift, policy.Base.Dead, policy.Base.MaxDeadLinks), Is.EqualTo((ChangeThreshold.Major, (double?)0.2, false, (int?)3)));
        Assert.That(policy.Base.FailingMedia, Is.EquivalentTo(new[] { MediaStatus.Missing }));
        Assert.That(policy.Overrides.Single().Changed, Is.EqualTo(ChangeThreshold.Off));
    }

    [TestCase("""{ "concurency": 3 }""", "$.concurency: unknown setting 'concurency' (did you mean 'concurrency'?")]
    [TestCase("""{ "junitt": "j.xml" }""", "$.junitt: unknown setting 'junitt' (did you mean 'junit'?")]
    [TestCase("""{ "links": { "cachTtl": "1d" } }""", "$.links.cachTtl: unknown setting 'cachTtl' (did you mean 'cacheTtl'?")]
    [TestCase("""{ "policy": { "dead_links": {} } }""", "$.policy.dead_links: unknown policy setting 'dead_links' (did you mean 'deadLinks'?")]
    [TestCase("""{ "notify": [{ "url": "https://x.example/", "fromat": "slack" }] }""", "$.notify[0].fromat: unknown setting 'fromat' (did you mean 'format'?")]
    [TestCase("""{ "notify": [{ "url": "https://x.example/", "format": "email" }] }""", "$.notify[0].format: 'email' is not a notify format (json, slack, discord, teams)")]
    [TestCase("""{ "notify": [{ "format": "slack" }] }""", "$.notify[0]: needs \"url\"")]
    [TestCase("""{ "notify": ["hooks.slack.com/services/x"] }""", "$.notify[0]: '(not a URL)' is not an http(s) URL (write ${NAME} to read one from the environment)")]
    [TestCase("""{ "notify": [{ "url": "https://x.example/", "on": "sometimes" }] }""", "$.notify[0].on: 'sometimes' is not one of new, any, always")]
    [TestCase("""{ "screenshots": "some" }""", "$.screenshots: 'some' is not one of findings, all, none")]
    [TestCase("""{ "whatever": 1 }""", "$.whatever: unknown setting 'whatever' (expected seeds,")]
    [TestCase("""{ "concurrency": "four" }""", "$.concurrency: expected a whole number from 1 to 64, found \"four\"")]
    [TestCase("""{ "concurrency": 0 }""", "$.concurrency: expected a whole number from 1 to 64, found 0")]
    [TestCase("""{ "seedsPerTab": 0 }""", "$.seedsPerTab: expected a whole number from 1 to 100000, found 0")]
    [TestCase("""{ "maps": { "https://a.example/": 3 } }""", "$.maps[\"https://a.example/\"]: expected a string, found 3")]
    [TestCase("""{ "maps": ["nonsense"] }""", "$.maps: map 'nonsense' is not FROM=TO")]
    [TestCase("""{ "policy": { "changed": "sometimes" } }""", "$.policy.changed: 'sometimes' is not one of minor, major, off")]
    [TestCase("""{ "policy": { "media": ["gone"] } }""", "$.policy.media[0]: 'gone' is not a media status")]
    [TestCase("""{ "policy": { "seeds": [ { "changed": "off" } ] } }""", "$.policy.seeds[0]: needs \"id\"")]
    [TestCase("""{ "policy": { "deadLinks": { "ratio": 2 } } }""", "$.policy.deadLinks.ratio: expected a number from 0 to 1")]
    [TestCase("""{ "links": { "exclude": ["(a)\\1"] } }""", "$.links.exclude[0]: '(a)\\1' is not a usable regular expression")]
    [TestCase("""{ "staleAfter": "weekly" }""", "$.staleAfter: 'weekly' is not a duration")]
    [TestCase("""{ "ignore": { "all": { "selectors": ["div["] } } }""", "ignore: all")]
    [TestCase("""[1, 2]""", "$: expected an object, found an array")]
    [TestCase("""{ "seeds": """, "not valid JSON")]
    public void MistakesAreNamedWithTheFileAndThePlace(string json, string message)
    {
        using var temp = new TempDirectory();
        var path = temp.Write("archive.json", json);
        var error = Assert.Throws<ConfigException>(() => ArchiveConfig.Load(path));
        Assert.That(error!.Message, Does.StartWith(path).And.Contain(message));
    }

    [Test]
    public void SeedGlobsExpandToTheFilesTheyMatch()
    {
        using var temp = new TempDirectory();
        temp.Write("seeds/rfi-1.txt", "x");
        temp.Write("seeds/rfi-2.txt", "x");
        temp.Write("seeds/bbc-1.txt", "x");
        temp.Write("seeds/deep/rfi-3.md", "x");
        var seeds = Path.Combine(temp.Path, "seeds");
        Assert.That(SeedGlobs.Expand([seeds + "/rfi-*.txt"]).Select(Path.GetFileName), Is.EqualTo(new[] { "rfi-1.txt", "rfi-2.txt" }));
        Assert.That(SeedGlobs.Expand([seeds + "/**/*.md"]).Select(Path.GetFileName), Is.EqualTo(new[] { "rfi-3.md" }));
        Assert.That(SeedGlobs.Expand([seeds]), Is.EqualTo(new[] { seeds }));
    }
}
