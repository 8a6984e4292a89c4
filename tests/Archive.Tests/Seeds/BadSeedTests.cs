using System.Text;
using Archive.Seeds;

namespace Archive.Tests.Seeds;

/// <summary>Every way a seed file can be broken gets an error naming the file, the line and the problem.</summary>
public sealed class BadSeedTests
{
    private const string Good = "<!--1695222902000-->\n[A title | with [brackets] – and \"quotes\"](https://news.example/a_(b)/%E4%B8%AD?x=1)\n------\n\n<p>Body text</p><p>Second</p>\n";

    private TempDirectory dir = null!;

    [SetUp]
    public void CreateDirectory() => dir = new TempDirectory();

    [TearDown]
    public void RemoveDirectory() => dir.Dispose();

    [TestCase("...txt", "'..', which would name a folder above the snapshots")]
    [TestCase("..txt", "'.', which would name a folder above the snapshots")]
    [TestCase(".txt", "an empty seed id")]
    [TestCase(".hidden.txt", "'.hidden', which starts with '.'")]
    [TestCase("_media.txt", "'_media', a name the snapshot folder keeps for itself")]
    [TestCase("history.jsonl.txt", "'history.jsonl', a name the snapshot folder keeps for itself")]
    [TestCase("tab\there.txt", "a control character or a path separator")]
    [TestCase("back\\slash.txt", "a control character or a path separator")]
    public async Task AFileNameThatGivesNoSafeSeedIdIsAnInputError(string name, string message)
    {
        var path = dir.Write(name, Good);
        var load = await new SeedReader().ReadAsync(path);
        Assert.That(load.Seed, Is.Null);
        Assert.That(load.Error!.ToString(), Does.StartWith(path + ": ").And.Contain(message));
    }

    [Test]
    public void TheSnapshotStoreRefusesAnIdThatIsNoFolderName()
    {
        var store = new Archive.Snapshots.SnapshotStore(dir.Path);
        Assert.That(store.SeedFolder("story"), Is.EqualTo(Path.Combine(dir.Path, "story")));
        foreach (var id in new[] { "..", ".", "", "a/b", "_media" })
        {
            Assert.Throws<ArgumentException>(() => store.SeedFolder(id), id);
        }
    }

    [Test]
    public async Task TheGoodSeedReads()
    {
        var seed = await ReadGood(dir.Write("good.txt", Good));
        Assert.Multiple(() =>
        {
            Assert.That(seed.Title, Is.EqualTo("A title | with [brackets] – and \"quotes\""));
            Assert.That(seed.SourceUrl.AbsoluteUri, Is.EqualTo("https://news.example/a_(b)/%E4%B8%AD?x=1"));
            Assert.That(seed.Document.Blocks.Select(b => b.Text), Is.EqualTo(new[] { "Body text", "Second" }));
        });
    }

    [Test]
    public async Task AByteOrderMarkIsAccepted()
    {
        var seed = await ReadGood(dir.Write("bom.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Good)]));
        Assert.That(seed.ArchivedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1695222902000)));
    }

    [Test]
    public async Task WindowsLineEndingsAreAccepted()
    {
        var seed = await ReadGood(dir.Write("crlf.txt", Good.Replace("\n", "\r\n", StringComparison.Ordinal)));
        Assert.Multiple(() =>
        {
            Assert.That(seed.SourceUrl.AbsoluteUri, Is.EqualTo("https://news.example/a_(b)/%E4%B8%AD?x=1"));
            Assert.That(seed.Document.Blocks, Has.Count.EqualTo(2));
        });
    }

    [TestCase("[Title](https://news.example/a)\n------\n\n<p>x</p>", 1, "missing archive timestamp")]
    [TestCase("<!--yesterday-->\n[Title](https://news.example/a)\n------\n\n<p>x</p>", 1, "the archive timestamp 'yesterday' is not a number of Unix milliseconds")]
    [TestCase("<!---->\n[Title](https://news.example/a)\n------\n\n<p>x</p>", 1, "the archive timestamp is empty")]
    [TestCase("<!--1695222902-->\n[Title](https://news.example/a)\n------\n\n<p>x</p>", 1, "it looks like seconds")]
    [TestCase("<!--99999999999999999999-->\n[Title](https://news.example/a)\n------\n\n<p>x</p>", 1, "is out of range")]
    [TestCase("<!--1695222902000-->\n------\n\n<p>x</p>", 2, "missing title line: expected '[title](source-url)', found '------'")]
    [TestCase("<!--1695222902000-->\n", 2, "missing title line")]
    [TestCase("<!--1695222902000-->\n[Title only]\n------\n\n<p>x</p>", 2, "the title line has no source URL")]
    [TestCase("<!--1695222902000-->\n[Title]()\n------\n\n<p>x</p>", 2, "the title line has no source URL")]
    [TestCase("<!--1695222902000-->\n[](https://news.example/a)\n------\n\n<p>x</p>", 2, "the title is empty")]
    [TestCase("<!--1695222902000-->\n[Title](/news/a.html)\n------\n\n<p>x</p>", 2, "source URL '/news/a.html' is relative; an absolute http(s) URL is required")]
    [TestCase("<!--1695222902000-->\n[Title](http://[::1/a)\n------\n\n<p>x</p>", 2, "source URL 'http://[::1/a' is malformed")]
    [TestCase("<!--1695222902000-->\n[Title](https://)\n------\n\n<p>x</p>", 2, "source URL 'https://' ")]
    [TestCase("<!--1695222902000-->\n[Title](ftp://news.example/a)\n------\n\n<p>x</p>", 2, "source URL scheme 'ftp' is not supported")]
    [TestCase("<!--1695222902000-->\n[Title](javascript:alert(1))\n------\n\n<p>x</p>", 2, "source URL scheme 'javascript' is not supported")]
    [TestCase("<!--1695222902000-->\n[Title](https://news.example/a)\n<p>x</p>", 3, "expected the separator line '------'")]
    [TestCase("<!--1695222902000-->\n[Title](https://news.example/a)\n------\n\n   \n", 5, "the archived body is empty")]
    [TestCase("<!--1695222902000-->\n[Title](https://news.example/a)\n------", 4, "the archived body is empty")]
    [TestCase("<!--1695222902000-->\n[Title](https://news.example/a)\n------\n\n<div>  </div><script>x()</script>", 5, "holds no text, media or links")]
    public async Task MalformedHeaderOrBody(string text, int line, string message)
    {
        var path = dir.Write("bad.txt", text);
        await AssertError(path, line, message);
    }

    [Test]
    public async Task BinaryContent()
    {
        var path = dir.Write("binary.txt", [.. Encoding.UTF8.GetBytes("<!--1695222902000-->\n[T](https://news.example/a)\n------\n\n"), 0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A]);
        await AssertError(path, 5, "the file is binary (it contains NUL bytes), not a text seed");
    }

    [Test]
    public async Task NonUtf8Bytes()
    {
        // "你好" in GBK, the encoding of many older Chinese pages.
        var path = dir.Write("gbk.txt", [.. Encoding.UTF8.GetBytes("<!--1695222902000-->\n[T](https://news.example/a)\n------\n\n<p>"), 0xC4, 0xE3, 0xBA, 0xC3, .. "</p>"u8]);
        await AssertError(path, 5, "not valid UTF-8 (byte 0xC4 at offset");
    }

    [Test]
    public async Task Utf16IsNamedAsSuch()
    {
        var path = dir.Write("utf16.txt", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Good)).ToArray());
        await AssertError(path, 1, "the file is UTF-16; seeds must be UTF-8");
    }

    [Test]
    public async Task FiftyMegabyteBodyIsRefusedWithoutReadingIt()
    {
        var path = Path.Combine(dir.Path, "huge.txt");
        await using (var stream = File.Create(path))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes("<!--1695222902000-->\n[T](https://news.example/a)\n------\n\n<p>"));
            stream.SetLength(50L * 1024 * 1024);
        }

        var load = await new SeedReader().ReadAsync(path);
        Assert.That(load.Error?.ToString(), Is.EqualTo($"{path}: the file is 50 MB, over the 10 MB limit for a seed"));
    }

    [Test]
    public async Task HtmlNestedAHundredThousandLevelsDeepIsRefusedQuickly()
    {
        var body = new StringBuilder("<p>start</p>\n");
        for (var i = 0; i < 100_000; i++)
        {
            body.Append("<div>");
        }

        var path = dir.Write("deep.txt", "<!--1695222902000-->\n[T](https://news.example/a)\n------\n\n" + body + "x");
        var read = new SeedReader().ReadAsync(path);
        Assert.That(read.Wait(TimeSpan.FromSeconds(30)), Is.True, "reading a deep seed must not hang");
        await AssertError(path, 6, "the HTML body nests elements more than 512 levels deep");
    }

    [Test]
    public async Task ManyUnclosedParagraphsAndListItemsAreNotDepth()
    {
        var body = string.Concat(Enumerable.Repeat("<p>para<li>item", 2000));
        var seed = await ReadGood(dir.Write("flat.txt", "<!--1695222902000-->\n[T](https://news.example/a)\n------\n\n" + body));
        Assert.That(seed.Document.Blocks, Has.Count.EqualTo(4000));
    }

    [Test]
    public async Task NotASeedAtAll()
    {
        await AssertError(dir.Write("notes.txt", "shopping list\n- milk\n"), 1, "not a seed");
        await AssertError(dir.Write("empty.txt", string.Empty), null, "the file is empty");
    }

    [Test]
    public async Task OneBadSeedNeverStopsTheOthers()
    {
        dir.Write("a-good.txt", Good);
        dir.Write("b-bad.txt", "<!--nope-->\n[T](https://news.example/a)\n------\n\n<p>x</p>");
        dir.Write("c-binary.bin", [0, 1, 2, 3]);
        dir.Write("d-good.md", Good.Replace("Body text", "Other", StringComparison.Ordinal));
        dir.Write(".hidden/ignored.txt", "not read");
        dir.Write("sub/e-good.txt", Good);

        var loads = new List<SeedLoad>();
        await foreach (var load in new SeedCollector(new SeedReader()).ReadAsync([dir.Path, Path.Combine(dir.Path, "missing")]))
        {
            loads.Add(load);
        }

        Assert.That(loads.Select(l => (l.Id, l.Error is null)), Is.EqualTo(new[]
        {
            ("a-good", true), ("b-bad", false), ("c-binary", false), ("d-good", true), ("e-good", true), ("missing", false),
        }));
        Assert.That(loads[^1].Error!.Message, Is.EqualTo("no such file or directory"));
    }

    [Test]
    public async Task TwoFilesWithOneIdAreReportedNotOverwritten()
    {
        dir.Write("x/same.txt", Good);
        dir.Write("y/same.md", Good);
        var loads = new List<SeedLoad>();
        await foreach (var load in new SeedCollector(new SeedReader()).ReadAsync([dir.Path]))
        {
            loads.Add(load);
        }

        Assert.That(loads[0].Error, Is.Null);
        Assert.That(loads[1].Error!.Message, Does.StartWith("duplicate seed id 'same'"));
    }

    private static async Task<Seed> ReadGood(string path)
    {
        var load = await new SeedReader().ReadAsync(path);
        Assert.That(load.Error, Is.Null, () => load.Error!.ToString());
        return load.Seed!;
    }

    private static async Task AssertError(string path, int? line, string message)
    {
        var load = await new SeedReader().ReadAsync(path);
        Assert.That(load.Seed, Is.Null);
        Assert.That(load.Error, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(load.Error!.Path, Is.EqualTo(path));
            Assert.That(load.Error.Line, Is.EqualTo(line), load.Error.ToString());
            Assert.That(load.Error.Message, Does.Contain(message));
            Assert.That(load.Error.ToString(), Does.StartWith(line is null ? path + ": " : $"{path}:{line}: "));
        });
    }
}
