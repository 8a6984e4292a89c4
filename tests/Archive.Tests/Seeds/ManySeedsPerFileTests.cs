using AngleSharp.Html.Parser;
using Archive.Seeds;
using Archive.Seeds.Formats;

namespace Archive.Tests.Seeds;

/// <summary>
/// A file may hold several seeds (a crawl: WARC, WACZ). A small text format of many stands in for the rules every such format follows:
/// each line after "LIST" is "id url", and each seed's id is its own, not the file's name.
/// </summary>
public sealed class ManySeedsPerFileTests
{
    [Test]
    public async Task AFileOfSeveralSeedsYieldsEachUnderItsOwnIdInIdOrder()
    {
        using var dir = new TempDirectory();
        dir.Write("a-crawl.list", "LIST\nzeta https://z.example/\nalpha https://a.example/\n");
        dir.Write("b-crawl.list", "LIST\nbeta https://b.example/\n");
        var loads = await Collect(dir.Path);
        Assert.That(loads.Select(l => (l.Id, Path.GetFileName(l.Path))), Is.EqualTo(new[] { ("alpha", "a-crawl.list"), ("zeta", "a-crawl.list"), ("beta", "b-crawl.list") }));
        Assert.That(loads.Select(l => l.Seed?.SourceUrl.Host), Is.EqualTo(new[] { "a.example", "z.example", "b.example" }));
    }

    [Test]
    public async Task AnIdTwiceIsAnErrorForTheSecondAndAFileOfNoSeedsIsNamed()
    {
        using var dir = new TempDirectory();
        dir.Write("a.list", "LIST\nsame https://a.example/\n");
        dir.Write("b.list", "LIST\nsame https://b.example/\n");
        dir.Write("c.list", "LIST\n");
        var loads = await Collect(dir.Path);
        Assert.That(loads[0].Seed, Is.Not.Null);
        Assert.That(loads[1].Error?.Message, Does.Contain("duplicate seed id 'same'"));
        Assert.That(loads[2].Error?.ToString(), Does.Contain("c.list").And.Contain("holds no seed (read as list)"));
    }

    [Test]
    public void AOneSeedFileReadAsOneSaysWhenItHoldsSeveral()
    {
        var reader = new SeedReader([new ListFormat()]);
        Assert.That(reader.ParseAll("x.list", "LIST\na https://a.example/\nb https://b.example/\n"u8, DateTimeOffset.UnixEpoch), Has.Count.EqualTo(2));
        Assert.That(() => reader.Parse("x.list", "LIST\na https://a.example/\nb https://b.example/\n"u8, DateTimeOffset.UnixEpoch), Throws.InvalidOperationException.With.Message.Contains("holds 2 seeds"));
    }

    [Test]
    public void ATextSeedIsPickedByItsFileNameAndOnlyACrawlIsReadFirst()
    {
        Assert.That(SeedFormats.MayHoldMany(TestPaths.UserSeed), Is.False, "shards and stale seeds among text seeds are picked by file name, before reading (CheckRunner)");
        Assert.That(SeedFormats.MayHoldMany(TestPaths.WarcSample("example-iana.warc")), Is.True, "a crawl is recognised from its bytes (gzip named .warc), and read before its seeds are picked");
        Assert.That(SeedFormats.MayHoldMany(TestPaths.WarcSample("iframetest.wacz")), Is.True);
    }

    private static async Task<List<SeedLoad>> Collect(string folder)
    {
        var loads = new List<SeedLoad>();
        await foreach (var load in new SeedCollector(new SeedReader([new ListFormat()])).ReadAsync([folder]))
        {
            loads.Add(load);
        }

        return loads;
    }

    private sealed class ListFormat : ISeedFormat
    {
        public string Name => "list";

        public bool HoldsMany => true;

        public bool Claims(SeedText file) => file.Text.StartsWith("LIST\n", StringComparison.Ordinal);

        public IReadOnlyList<Seed> Read(SeedText file) => file.Lines.Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var (id, url) = (line.Split(' ')[0], new Uri(line.Split(' ')[1]));
            var body = new HtmlParser().ParseDocument($"<p>The page at {url.Host}.</p>").Body!;
            return new Seed(id, file.Path, SeedFormat.Archive, id, url, DateTimeOffset.UnixEpoch, ArchivedAtSource.Header, ArchivedDocumentParser.Parse(body, url));
        }).ToList();
    }
}
