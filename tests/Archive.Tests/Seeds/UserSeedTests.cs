using Archive.Seeds;

namespace Archive.Tests.Seeds;

public sealed class UserSeedTests
{
    private Seed seed = null!;

    [OneTimeSetUp]
    public async Task ReadUserSeed()
    {
        var load = await new SeedReader().ReadAsync(TestPaths.UserSeed);
        Assert.That(load.Error, Is.Null, () => load.Error!.ToString());
        seed = load.Seed!;
    }

    [Test]
    public void HeaderIsReadExactly()
    {
        Assert.Multiple(() =>
        {
            Assert.That(seed.Id, Is.EqualTo("000_4506d4644e1b47ed"));
            Assert.That(seed.Format, Is.EqualTo(SeedFormat.Archive));
            Assert.That(seed.Title, Is.EqualTo("王毅见普京 : 呼吁维护中俄共同的正当利益"));
            Assert.That(
                seed.SourceUrl.AbsoluteUri,
                Is.EqualTo("https://www.rfi.fr/cn/%E4%B8%AD%E5%9B%BD/20230920-%E7%8E%8B%E6%AF%85%E8%A7%81%E6%99%AE%E4%BA%AC-%E5%91%BC%E5%90%81%E7%BB%B4%E6%8A%A4%E4%B8%AD%E4%BF%84%E5%85%B1%E5%90%8C%E7%9A%84%E6%AD%A3%E5%BD%93%E5%88%A9%E7%9B%8A"));
            Assert.That(seed.ArchivedAt, Is.EqualTo(new DateTimeOffset(2023, 9, 20, 15, 15, 2, TimeSpan.Zero)));
            Assert.That(seed.ArchivedAtSource, Is.EqualTo(ArchivedAtSource.Header));
        });
    }

    [Test]
    public void HasItsOneImageAtFullUrl()
    {
        var images = seed.Document.Media.Where(m => m.Kind == MediaKind.Image).ToList();
        Assert.That(images, Has.Count.EqualTo(1));
        Assert.That(images[0].Url.AbsoluteUri, Is.EqualTo("https://s.rfi.fr/media/display/7839cdee-57c7-11ee-9437-005056a90284/w:1280/p:16x9/Capture-1799.JPG"));
    }

    [Test]
    public void ParagraphsComeInDocumentOrder()
    {
        var paragraphs = seed.Document.Blocks.Where(b => b.Kind == BlockKind.Paragraph).Select(b => b.Text).ToList();
        Assert.That(paragraphs, Has.Count.EqualTo(7));
        Assert.Multiple(() =>
        {
            Assert.That(paragraphs[0], Is.EqualTo("中国外交部长王毅周三（9月20日）在圣彼得堡会见俄罗斯总统普京时表示，中俄应共同努力“维护两国共同的正当的利益”。"));
            Assert.That(paragraphs[1], Does.StartWith("王毅上周末与美国国家安全顾问在马耳他举行会谈后"));
            Assert.That(paragraphs[2], Does.StartWith("9月20日，王毅在会见普京时表示"));
            Assert.That(paragraphs[3], Does.StartWith("他强调，“中俄要不断增进相互信任"));
            Assert.That(paragraphs[4], Does.StartWith("有关普京下个月访华"));
            Assert.That(paragraphs[5], Does.StartWith("普京对王毅说"));
            Assert.That(paragraphs[6], Is.EqualTo("普京还提到，“今年头几个月，（俄罗斯和中国之间）贸易额超过1200亿美元。我们完全有理由希望能够接近2000亿美元这个数字”。"));
        });
    }

    [Test]
    public void DatelineAndShareLabelAreTextBlocksAroundTheArticle()
    {
        Assert.That(seed.Document.Blocks[0], Is.EqualTo(new TextBlock(0, BlockKind.Text, "20/09/2023 - 17:10")));
        Assert.That(seed.Document.Blocks[^1].Text, Is.EqualTo("分享 :"));
    }

    [Test]
    public void ShareLinksAreResolvedAndClassified()
    {
        var links = seed.Document.Links;
        Assert.That(links.Select(l => l.Target), Is.EqualTo(new[] { LinkTarget.Http, LinkTarget.UnsupportedScheme, LinkTarget.Http, LinkTarget.Http }));
        Assert.That(links[0].Url!.Host, Is.EqualTo("www.facebook.com"));
        Assert.That(links[0].Href, Does.Contain("&href=https%3A%2F%2Frfi.my%2F9ww9.F"), "the href is kept exactly as archived, entities decoded");
    }
}
