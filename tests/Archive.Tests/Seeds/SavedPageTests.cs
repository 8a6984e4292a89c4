using Archive.Seeds;

namespace Archive.Tests.Seeds;

/// <summary>HTML pages saved by browsers are seeds too; the format is recognised from the content alone.</summary>
public sealed class SavedPageTests
{
    private static async Task<SeedLoad> Read(string name) => await new SeedReader().ReadAsync(Path.Combine(TestPaths.Fixtures, "SavedPages", name));

    private static async Task<Seed> ReadGood(string name)
    {
        var load = await Read(name);
        Assert.That(load.Error, Is.Null, () => load.Error!.ToString());
        return load.Seed!;
    }

    [Test]
    public async Task ChromeSavedFromUrlMark()
    {
        var seed = await ReadGood("chrome-saved.html");
        Assert.Multiple(() =>
        {
            Assert.That(seed.Format, Is.EqualTo(SeedFormat.SavedFromUrl));
            Assert.That(seed.SourceUrl.AbsoluteUri, Is.EqualTo("https://news.example/world/2024/01/02/harbour-reopens"));
            Assert.That(seed.Title, Is.EqualTo("Harbour reopens after storm – News Example"));
            Assert.That(seed.ArchivedAtSource, Is.EqualTo(ArchivedAtSource.FileModified));
            Assert.That(seed.Document.Blocks.Select(b => b.Kind), Does.Contain(BlockKind.Heading).And.Contain(BlockKind.Caption));
            Assert.That(seed.Document.Media.Single().Url.AbsoluteUri, Is.EqualTo("https://img.news.example/harbour-1280.jpg"));
            Assert.That(
                seed.Document.Links.Select(l => l.Url!.AbsoluteUri),
                Is.EqualTo(new[] { "https://news.example/", "https://news.example/world", "https://port.example/notices" }),
                "relative links resolve against the page's source URL");
        });
    }

    [Test]
    public async Task SingleFileHeaderGivesUrlAndDate()
    {
        var seed = await ReadGood("singlefile.html");
        Assert.Multiple(() =>
        {
            Assert.That(seed.Format, Is.EqualTo(SeedFormat.SingleFile));
            Assert.That(seed.SourceUrl.AbsoluteUri, Is.EqualTo("https://www.rfi.fr/cn/%E4%B8%AD%E5%9B%BD/20240102-test"));
            Assert.That(seed.ArchivedAt, Is.EqualTo(new DateTimeOffset(2024, 1, 2, 9, 11, 12, TimeSpan.Zero)));
            Assert.That(seed.ArchivedAtSource, Is.EqualTo(ArchivedAtSource.Header));
            Assert.That(seed.Title, Is.EqualTo("港口重新开放 - RFI"));
            Assert.That(seed.Document.Blocks.Select(b => b.Text), Is.EqualTo(new[] { "港口重新开放", "周二，港口在一周的修复后重新开放。", "官员表示，交通将在周五前恢复正常。" }));
            Assert.That(seed.Document.Media, Is.Empty, "images SingleFile inlined as data: URLs are not fetched");
        });
    }

    [Test]
    public async Task CanonicalLinkBeatsOgUrl()
    {
        var seed = await ReadGood("canonical.html");
        Assert.That(seed.Format, Is.EqualTo(SeedFormat.CanonicalHtml));
        Assert.That(seed.SourceUrl.AbsoluteUri, Is.EqualTo("https://news.example/business/markets-close-higher"));
    }

    [Test]
    public async Task OgUrlAndOgTitleWhenThatIsAllThereIs()
    {
        var seed = await ReadGood("og-url.html");
        Assert.That(seed.SourceUrl.AbsoluteUri, Is.EqualTo("https://news.example/sport/final-result"));
        Assert.That(seed.Title, Is.EqualTo("Final result"));
    }

    [Test]
    public async Task InternetExplorersAboutInternetFallsBackToCanonical()
    {
        var seed = await ReadGood("ie-about-internet.htm");
        Assert.That(seed.Format, Is.EqualTo(SeedFormat.CanonicalHtml));
        Assert.That(seed.SourceUrl.AbsoluteUri, Is.EqualTo("https://news.example/from-canonical"));
    }

    [Test]
    public async Task APageThatDoesNotSayWhereItCameFromIsAnError()
    {
        var load = await Read("no-source.html");
        Assert.That(load.Error!.Message, Does.StartWith("the HTML page does not say where it was saved from"));
    }

    [Test]
    public async Task FormatIsDetectedFromContentNotExtension()
    {
        using var dir = new TempDirectory();
        var html = await File.ReadAllTextAsync(Path.Combine(TestPaths.Fixtures, "SavedPages", "chrome-saved.html"));
        var archive = await File.ReadAllTextAsync(TestPaths.UserSeed);
        var asText = await new SeedReader().ReadAsync(dir.Write("page.txt", html));
        var asHtml = await new SeedReader().ReadAsync(dir.Write("seed.html", archive));
        Assert.That(asText.Seed!.Format, Is.EqualTo(SeedFormat.SavedFromUrl));
        Assert.That(asHtml.Seed!.Format, Is.EqualTo(SeedFormat.Archive));
    }

    [Test]
    public async Task SingleFileWithAnUnreadableDateSaysSo()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("sf.html", "<!DOCTYPE html> <html><!--\n Page saved with SingleFile \n url: https://news.example/a \n saved date: sometime last week\n--><body><p>x</p></body></html>");
        var load = await new SeedReader().ReadAsync(path);
        Assert.That(load.Error?.ToString(), Is.EqualTo($"{path}:4: SingleFile 'saved date' 'sometime last week' is not a date this tool can read"));
    }

    [Test]
    public async Task SavedPageWithAPrivateSchemeSourceIsRefused()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("file.html", "<!-- saved from url=(0022)file:///C:/docs/a.html -->\n<html><body><p>x</p></body></html>");
        var load = await new SeedReader().ReadAsync(path);
        Assert.That(load.Error?.ToString(), Is.EqualTo($"{path}:1: source URL scheme 'file' is not supported: only http and https pages can be checked"));
    }
}
