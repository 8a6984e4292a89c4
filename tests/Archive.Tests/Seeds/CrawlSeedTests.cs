using System.IO.Compression;
using System.Text;
using Archive.Seeds;
using Archive.Seeds.Formats;
using Archive.Warc;

namespace Archive.Tests.Seeds;

/// <summary>WARC and WACZ files as seed sources: each page a seed under a stable id, its media read from the crawl.</summary>
public class CrawlSeedTests
{
    private static readonly DateTimeOffset At = new(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);

    // File, seeds: the README's HTML 200 responses of a WARC; a WACZ's page list.
    private static IEnumerable<TestCaseData> Samples() => new (string File, int Seeds)[]
    {
        ("example.warc", 1), ("example-iana.org-chunked.warc", 1), ("redirect.warc", 0), ("dupes.warc.gz", 1),
        ("example-wget-bad-target-uri.warc.gz", 1), ("example-wpull.warc.gz", 1), ("cc.warc.gz", 1), ("gzip_extra_sl.warc.gz", 0),
        ("example-iana.warc", 6), ("lil-projects.warc.gz", 1), ("netpreserve-twitter.warc", 9), ("post-test.warc.gz", 0),
        ("example-trunc.warc", 1), ("example-wrong-chunks.warc.gz", 1),
        ("valid_example_1.wacz", 1), ("valid_signed_example_1.wacz", 1), ("iframetest.wacz", 1),
    }.Select(s => new TestCaseData(s.File, s.Seeds).SetName($"Seeds of {s.File}"));

    [TestCaseSource(nameof(Samples))]
    public async Task Every_sample_gives_its_pages_as_seeds_without_error(string file, int seeds)
    {
        var loads = await new SeedReader().ReadAllAsync(TestPaths.WarcSample(file));
        Assert.That(loads.Where(l => l.Error is not null).Select(l => l.Error!.ToString()), Is.Empty);
        Assert.That(loads, Has.Count.EqualTo(seeds));
        Assert.That(loads.Select(l => SeedId.Problem(l.Id)), Has.All.Null);
        Assert.That(loads.Select(l => l.Id).Distinct().Count(), Is.EqualTo(seeds));
    }

    [Test]
    public async Task A_crawl_page_is_a_seed_with_its_url_date_title_and_a_stable_id()
    {
        var path = TestPaths.WarcSample("example-iana.warc");
        var seed = (await new SeedReader().ReadAllAsync(path)).Select(l => l.Seed!).Single(s => s.SourceUrl.AbsoluteUri == "https://www.iana.org/about");
        Assert.That(seed.Id, Is.EqualTo("example-iana-www.iana.org-about-26636b95"));
        Assert.That(seed.Id, Is.EqualTo(CrawlSeedId.For("/elsewhere/example-iana.warc", "https://www.iana.org/about")), "the id depends on the file's name and the URL only");
        Assert.That(seed.Format, Is.EqualTo(SeedFormat.Warc));
        Assert.That(seed.ArchivedAt, Is.EqualTo(new DateTimeOffset(2021, 5, 20, 22, 15, 41, 833, TimeSpan.Zero)), "WARC 1.1 dates keep their fractions");
        Assert.That(seed.Title, Does.Contain("About"));
        Assert.That(seed.Document.Blocks, Is.Not.Empty);
    }

    [TestCase("iframetest.wacz")]
    [TestCase("valid_example_1.wacz")]
    [TestCase("valid_signed_example_1.wacz")]
    public void A_wacz_s_stored_warcs_are_found_in_the_zip_file_so_records_are_read_by_seeking(string name)
    {
        // .NET's zip entry streams cannot seek; CrawlIndex reads a page's body and pictures at their offsets in the file instead.
        var path = TestPaths.WarcSample(name);
        using var file = File.OpenRead(path);
        var stored = Archive.Warc.WaczPackage.StoredEntries(file);
        using var zip = ZipFile.OpenRead(path);
        var warc = Archive.Warc.WaczPackage.WarcEntries(zip).Single();
        using var entry = zip.GetEntry(warc)!.Open();
        using var expected = new MemoryStream();
        entry.CopyTo(expected);
        var (offset, length) = stored[warc];
        var bytes = new byte[length];
        file.Seek(offset, SeekOrigin.Begin);
        file.ReadExactly(bytes);
        Assert.That(bytes, Is.EqualTo(expected.ToArray()));
    }

    [Test]
    public async Task A_wacz_page_takes_its_response_from_the_package()
    {
        var seed = (await new SeedReader().ReadAllAsync(TestPaths.WarcSample("valid_signed_example_1.wacz"))).Single().Seed!;
        Assert.That(seed.Format, Is.EqualTo(SeedFormat.Wacz));
        Assert.That(seed.SourceUrl.AbsoluteUri, Is.EqualTo("https://example.com/"));
        Assert.That(seed.Title, Is.EqualTo("Example Domain"));
        Assert.That(seed.Document.Blocks.Select(b => b.Text), Has.Some.Contains("illustrative examples"), "the gzip-encoded body was decoded");
    }

    [Test]
    public async Task Media_comes_from_the_crawl_following_its_redirects_and_a_url_twice_gets_a_second_id()
    {
        using var dir = new TempDirectory();
        var png = Archive.TestSite.GeneratedImages.Jpeg(1, 40, 30);
        var path = Path.Combine(dir.Path, "site.warc.gz");
        await using (var file = File.Create(path))
        {
            var writer = new WarcWriter(file);
            var html = "<html><head><title>Story</title></head><body><p>Words of the story.</p><img src=\"/old.png\"></body></html>"u8.ToArray();
            foreach (var record in new[]
            {
                WarcRecords.Response(new Uri("https://site.example/story"), At, 200, "OK", [new("Content-Type", "text/html")], html, false, null, null),
                WarcRecords.Response(new Uri("https://site.example/old.png"), At, 301, "Moved", [new("Location", "/new.png")], ReadOnlyMemory<byte>.Empty, false, null, null),
                WarcRecords.Response(new Uri("https://site.example/new.png"), At, 200, "OK", [new("Content-Type", "image/jpeg")], png, false, null, null),
                WarcRecords.Response(new Uri("https://site.example/story"), At.AddHours(1), 200, "OK", [new("Content-Type", "text/html")], html, false, null, null),
            })
            {
                await writer.WriteAsync(record, CancellationToken.None);
            }
        }

        var loads = await new SeedReader().ReadAllAsync(path);
        Assert.That(loads.Select(l => l.Id), Is.EqualTo(new[] { CrawlSeedId.For(path, "https://site.example/story"), CrawlSeedId.For(path, "https://site.example/story", 2) }));
        var seed = loads[0].Seed!;
        var image = await seed.Resources!.FindAsync(new Uri("https://site.example/old.png"), 1 << 20, CancellationToken.None);
        Assert.That(image!.Status, Is.EqualTo(200));
        Assert.That(image.Body, Is.EqualTo(png));
        Assert.That(image.FinalUrl.AbsoluteUri, Is.EqualTo("https://site.example/new.png"));
        Assert.That(image.Redirects.Single().Status, Is.EqualTo(301));
        Assert.That(await seed.Resources.FindAsync(new Uri("https://site.example/missing.png"), 1 << 20, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task A_wacz_page_the_crawl_saw_again_unchanged_takes_its_body_from_the_revisited_response()
    {
        using var dir = new TempDirectory();
        var warc = Path.Combine(dir.Path, "data.warc.gz");
        var html = "<html><head><title>Front</title></head><body><p>The front page's words.</p></body></html>"u8.ToArray();
        await using (var file = File.Create(warc))
        {
            var writer = new WarcWriter(file);
            var first = await writer.WriteAsync(WarcRecords.Response(new Uri("https://site.example/"), At, 200, "OK", [new("Content-Type", "text/html")], html, false, null, null), CancellationToken.None);
            var head = Archive.Warc.HttpBlock.Head("HTTP/1.1 200 OK", [new("Content-Type", "text/html")]);
            var revisit = new WarcRecordToWrite("revisit", [new("WARC-Target-URI", "https://site.example/index.html"), new("WARC-Date", WarcWriter.Date(At.AddDays(1))), new("WARC-Payload-Digest", first.PayloadDigest!), new("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest")], head);
            await writer.WriteAsync(revisit, CancellationToken.None);
        }

        var wacz = Path.Combine(dir.Path, "again.wacz");
        await using (var output = File.Create(wacz))
        {
            await WaczWriter.WriteAsync(output, [new WaczSource("data.warc.gz", warc, [new WaczPage("https://site.example/index.html", At.AddDays(1), null)])], "test", At, "test", CancellationToken.None);
        }

        var seed = (await new SeedReader().ReadAllAsync(wacz)).Single().Seed!;
        Assert.That(seed.SourceUrl.AbsoluteUri, Is.EqualTo("https://site.example/index.html"));
        Assert.That(seed.Title, Is.EqualTo("Front"));
        Assert.That(seed.Document.Blocks.Single().Text, Is.EqualTo("The front page's words."));
    }

    [Test]
    public async Task A_zip_that_is_no_wacz_and_a_wacz_page_missing_from_its_warcs_are_named_errors()
    {
        using var dir = new TempDirectory();
        var notWacz = Path.Combine(dir.Path, "photos.zip");
        using (var zip = ZipFile.Open(notWacz, ZipArchiveMode.Create))
        {
            using var entry = new StreamWriter(zip.CreateEntry("a.txt").Open());
            entry.Write("hello");
        }

        var error = (await new SeedReader().ReadAllAsync(notWacz)).Single().Error!;
        Assert.That(error.ToString(), Does.Contain("photos.zip").And.Contain("not a WACZ"));

        var missing = Path.Combine(dir.Path, "crawl.wacz");
        File.Copy(TestPaths.WarcSample("valid_example_1.wacz"), missing);
        using (var zip = ZipFile.Open(missing, ZipArchiveMode.Update))
        {
            zip.GetEntry("pages/pages.jsonl")!.Delete();
            using var pages = new StreamWriter(zip.CreateEntry("pages/pages.jsonl").Open());
            pages.Write("{\"format\": \"json-pages-1.0\"}\n{\"url\": \"http://www.example.com/\"}\n{\"url\": \"http://nowhere.example/\"}\n");
        }

        var loads = await new SeedReader().ReadAllAsync(missing);
        Assert.That(loads.Count(l => l.Seed is not null), Is.EqualTo(1));
        Assert.That(loads.Single(l => l.Error is not null).Error!.Message, Does.Contain("http://nowhere.example/").And.Contain("no WARC of the package holds"));
    }
}
