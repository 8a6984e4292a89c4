using Archive.Warc;

namespace Archive.Tests.Warc;

/// <summary>
/// Files made by other archiving tools (../shared/warc, counted there with warcio.js): every one is read without a
/// problem, with the records its README lists; the two damaged ones give up only what is damaged.
/// </summary>
public class WarcSampleTests
{
    // File, records by type as "type count" pairs, HTML 200 responses: ../shared/warc/README.md, "Files".
    private static readonly (string File, string Types, int Html200)[] Samples =
    [
        ("example.warc", "warcinfo 2, request 2, response 1, revisit 1, metadata 1", 1),
        ("example-iana.org-chunked.warc", "warcinfo 1, request 1, response 1", 1),
        ("redirect.warc", "request 1, response 1", 0),
        ("dupes.warc.gz", "warcinfo 1, request 12, response 3, revisit 9", 1),
        ("example-wget-bad-target-uri.warc.gz", "warcinfo 1, request 1, response 1, metadata 1, resource 2", 1),
        ("example-wpull.warc.gz", "warcinfo 1, request 1, response 1, resource 1", 1),
        ("cc.warc.gz", "response 1", 1),
        ("gzip_extra_sl.warc.gz", "warcinfo 1", 0),
        ("example-iana.warc", "warcinfo 2, request 58, response 24, revisit 34", 6),
        ("lil-projects.warc.gz", "warcinfo 4, request 27, response 27, resource 1", 1),
        ("netpreserve-twitter.warc", "warcinfo 2, request 151, response 139, revisit 12", 9),
        ("post-test.warc.gz", "request 3, response 3", 0),
        ("example-trunc.warc", "warcinfo 2, response 1, request 1", 1),
        ("example-wrong-chunks.warc.gz", "response 1, request 1", 1),
    ];

    private static IEnumerable<TestCaseData> Cases() => Samples.Select(s => new TestCaseData(s.File, s.Types, s.Html200).SetName($"Sample {s.File}"));

    [TestCaseSource(nameof(Cases))]
    public void Every_sample_is_read_with_the_records_its_readme_lists(string file, string types, int html200)
    {
        using var stream = File.OpenRead(TestPaths.WarcSample(file));
        var entries = WarcReader.Read(stream).ToList();
        var records = entries.OfType<WarcRecord>().ToList();

        var counted = string.Join(", ", records.GroupBy(r => r.Type).Select(g => $"{g.Key} {g.Count()}").Order());
        Assert.That(counted, Is.EqualTo(string.Join(", ", types.Split(", ").Order())));
        Assert.That(records.Count(IsHtml200), Is.EqualTo(html200));
        var damaged = file is "example-trunc.warc" or "example-wrong-chunks.warc.gz";
        Assert.That(entries.OfType<WarcProblem>(), damaged ? Is.Not.Null : Is.Empty, "a whole file reads without a problem");
    }

    [Test]
    public void The_record_whose_Content_Length_is_short_is_read_with_a_note_and_the_rest_is_found()
    {
        using var stream = File.OpenRead(TestPaths.WarcSample("example-trunc.warc"));
        var records = WarcReader.Read(stream).OfType<WarcRecord>().ToList();

        var response = records.Single(r => r.Type == "response");
        Assert.That(response.Notes, Has.Some.Contains("Content-Length is off: 6 bytes lie between the block and the next record"), "2 bytes of body, then the CRLF CRLF");
        Assert.That(response.BlockDigestMatches, Is.False);
        Assert.That(records.Last().Type, Is.EqualTo("request"), "the reader resynchronised after the damaged record");
    }

    [Test]
    public void Wget_target_uris_lose_their_angle_brackets_and_a_gzip_FEXTRA_header_is_skipped()
    {
        using (var wget = File.OpenRead(TestPaths.WarcSample("example-wget-bad-target-uri.warc.gz")))
        {
            Assert.That(WarcReader.Read(wget).OfType<WarcRecord>().Single(r => r.Type == "response").TargetUri, Is.EqualTo("http://example.com/"));
        }

        using var extra = File.OpenRead(TestPaths.WarcSample("gzip_extra_sl.warc.gz"));
        Assert.That(WarcReader.Read(extra).OfType<WarcRecord>().Single().Fields["WARC-Filename"], Is.Not.Null);
    }

    [Test]
    public void Block_digests_match_where_the_writer_was_right_and_not_where_it_was_wrong()
    {
        using (var iana = File.OpenRead(TestPaths.WarcSample("example-iana.warc")))
        {
            var checkedRecords = WarcReader.Read(iana).OfType<WarcRecord>().Where(r => r.BlockDigestMatches is not null).ToList();
            Assert.That(checkedRecords, Is.Not.Empty);
            Assert.That(checkedRecords.Where(r => r.BlockDigestMatches == false), Is.Empty);
        }

        // The README counts 42 mismatches: every chunked response and every revisit of this file.
        using var twitter = File.OpenRead(TestPaths.WarcSample("netpreserve-twitter.warc"));
        Assert.That(WarcReader.Read(twitter).OfType<WarcRecord>().Count(r => r.BlockDigestMatches == false), Is.EqualTo(42));
    }

    [Test]
    public void A_record_is_read_again_from_its_location()
    {
        var path = TestPaths.WarcSample("netpreserve-twitter.warc");
        List<WarcRecord> records;
        using (var stream = File.OpenRead(path))
        {
            records = WarcReader.Read(stream).OfType<WarcRecord>().ToList();
        }

        using var file = File.OpenRead(path);
        foreach (var record in records.Where((_, i) => i % 17 == 0))
        {
            var again = WarcReader.ReadAt(file, record.Location)!;
            Assert.That(again.RecordId, Is.EqualTo(record.RecordId));
            Assert.That(again.Block, Is.EqualTo(record.Block));
        }
    }

    [Test]
    public void Chunked_and_gzip_encoded_bodies_decode_to_the_page()
    {
        using var stream = File.OpenRead(TestPaths.WarcSample("example-iana.org-chunked.warc"));
        var response = WarcReader.Read(stream).OfType<WarcRecord>().Single(r => r.Type == "response");
        var http = HttpBlock.Parse(response.Block)!;

        Assert.That(http.Header("Transfer-Encoding"), Does.Contain("chunked"));
        Assert.That(System.Text.Encoding.UTF8.GetString(http.Payload(1 << 20)), Does.Contain("</html>").IgnoreCase);
    }

    internal static bool IsHtml200(WarcRecord record) =>
        record.Type == "response" && HttpBlock.Parse(record.Block) is { Status: 200, MediaType: "text/html" };
}
