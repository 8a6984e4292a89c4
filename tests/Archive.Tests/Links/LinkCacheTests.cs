using Archive.IO;
using Archive.Links;
using Microsoft.Extensions.Time.Testing;

namespace Archive.Tests.Links;

/// <summary>The on-disk cache: fresh results come back, stale ones and passing troubles do not, a damaged file is named.</summary>
public sealed class LinkCacheTests
{
    private static LinkResult Result(string url, LinkStatus status, DateTimeOffset at) =>
        new(url, status, null, 200, null, [], null, null, "HEAD", at);

    [Test]
    public async Task FreshResultsSurviveARunAndStaleOnesDoNot()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "cache", "links.json");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero));
        var now = clock.GetUtcNow();
        var cache = await LinkCache.OpenAsync(path, TimeSpan.FromHours(24), clock, CancellationToken.None);
        cache.Remember(Result("https://a.example/fresh", LinkStatus.Ok, now.AddHours(-1)));
        cache.Remember(Result("https://a.example/stale", LinkStatus.Dead, now.AddHours(-30)));
        cache.Remember(Result("https://a.example/slow", LinkStatus.Timeout, now));
        await cache.SaveAsync(CancellationToken.None);

        var again = await LinkCache.OpenAsync(path, TimeSpan.FromHours(24), clock, CancellationToken.None);
        Assert.That(again.Fresh("https://a.example/fresh")?.Status, Is.EqualTo(LinkStatus.Ok));
        Assert.That(again.Fresh("https://a.example/stale"), Is.Null);
        Assert.That(again.Fresh("https://a.example/slow"), Is.Null, "a time-out is not worth remembering");
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!), Has.Length.EqualTo(1), "written through a temporary file, nothing left behind");

        clock.Advance(TimeSpan.FromHours(23.5));
        Assert.That(again.Fresh("https://a.example/fresh"), Is.Null, "a result goes stale as the run's clock passes its time to live");
    }

    [Test]
    public async Task ADamagedCacheIsNamed()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("links.json", "[1, 2");
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => LinkCache.OpenAsync(path, TimeSpan.FromHours(1), TimeProvider.System, CancellationToken.None));
        Assert.That(error!.Message, Does.Contain(path));
    }

    [TestCase("90s", 90)]
    [TestCase("30m", 1800)]
    [TestCase("24h", 86400)]
    [TestCase("7d", 604800)]
    [TestCase("1.5h", 5400)]
    public void DurationsReadAsWritten(string text, int seconds)
    {
        Assert.That(DurationText.TryParse(text, out var duration), Is.True);
        Assert.That(duration, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [TestCase("")]
    [TestCase("24")]
    [TestCase("h")]
    [TestCase("-1h")]
    [TestCase("3 days")]
    public void NonsenseIsNotADuration(string text) => Assert.That(DurationText.TryParse(text, out _), Is.False);

    [Test]
    public void LinkHeadersAreReadWithTheirDates()
    {
        var entries = MementoClient.ParseLinks("<https://web.archive.org/web/20230920093000/https://x.example/a>; rel=\"memento\"; datetime=\"Wed, 20 Sep 2023 09:30:00 GMT\", <https://x.example/a>; rel=\"original\"");
        Assert.That(entries.Select(e => (e.Url, e.Rel)), Is.EqualTo(new[] { ("https://web.archive.org/web/20230920093000/https://x.example/a", "memento"), ("https://x.example/a", "original") }));
        Assert.That(entries[0].Datetime, Is.EqualTo(new DateTimeOffset(2023, 9, 20, 9, 30, 0, TimeSpan.Zero)));
    }
}
