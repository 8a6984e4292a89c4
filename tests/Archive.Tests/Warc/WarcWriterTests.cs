using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Archive.Warc;

namespace Archive.Tests.Warc;

public class WarcWriterTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 10, 20, 30, TimeSpan.Zero);

    [Test]
    public async Task Records_written_read_back_with_every_field_and_digest()
    {
        var body = Encoding.UTF8.GetBytes("<html><body><p>Hello</p></body></html>");
        using var file = new MemoryStream();
        var writer = new WarcWriter(file);
        var info = WarcRecords.Warcinfo(At, "capture.warc.gz", [new("software", "archive test"), new("format", "WARC File Format 1.1")]);
        var request = WarcRecords.Request(new Uri("https://example.com/story?id=1"), At, "GET", [new("User-Agent", "test")], ReadOnlyMemory<byte>.Empty, null, info.RecordId);
        var response = WarcRecords.Response(new Uri("https://example.com/story?id=1"), At, 200, "OK", [new("Content-Type", "text/html; charset=utf-8")], body, truncated: true, "127.0.0.1", info.RecordId);
        request = request with { Fields = [.. request.Fields, new("WARC-Concurrent-To", response.RecordId)] };
        var written = new List<WarcWritten>();
        foreach (var record in new[] { info, request, response })
        {
            written.Add(await writer.WriteAsync(record, CancellationToken.None));
        }

        file.Position = 0;
        var read = WarcReader.Read(file).ToList();
        Assert.That(read, Has.All.InstanceOf<WarcRecord>());
        var records = read.Cast<WarcRecord>().ToList();
        Assert.That(records.Select(r => r.Type), Is.EqualTo(new[] { "warcinfo", "request", "response" }));
        Assert.That(records.Select(r => r.Version), Has.All.EqualTo("1.1"));
        Assert.That(records.Select(r => r.BlockDigestMatches), Has.All.True);
        Assert.That(records.Select(r => r.RecordId), Is.EqualTo(written.Select(w => w.RecordId)));
        Assert.That(records.Select(r => r.Location.FileOffset), Is.EqualTo(written.Select(w => w.Offset)), "each record is its own gzip member, found where the writer put it");

        var got = records[2];
        Assert.That(got.TargetUri, Is.EqualTo("https://example.com/story?id=1"));
        Assert.That(got.Date, Is.EqualTo(At));
        Assert.That(got.Fields["WARC-Truncated"], Is.EqualTo("length"));
        Assert.That(got.Fields["WARC-IP-Address"], Is.EqualTo("127.0.0.1"));
        Assert.That(got.Fields["WARC-Warcinfo-ID"], Is.EqualTo(info.RecordId));
        Assert.That(got.Fields["WARC-Payload-Digest"], Is.EqualTo("sha256:" + Base32Of(SHA256.HashData(body))));
        Assert.That(records[1].Fields["WARC-Concurrent-To"], Is.EqualTo(response.RecordId));
        var http = HttpBlock.Parse(got.Block)!;
        Assert.That((http.Status, http.MediaType, http.Payload(1 << 20)), Is.EqualTo((200, "text/html", body)));
        Assert.That(Encoding.UTF8.GetString(records[0].Block), Does.Contain("software: archive test\r\n"));
    }

    [Test]
    public async Task A_damaged_member_costs_its_record_only_and_a_cut_file_keeps_what_came_before()
    {
        using var file = new MemoryStream();
        var writer = new WarcWriter(file);
        var offsets = new List<WarcWritten>();
        for (var i = 0; i < 3; i++)
        {
            offsets.Add(await writer.WriteAsync(WarcRecords.Resource(new Uri($"urn:test:{i}"), At, "text/plain", Encoding.UTF8.GetBytes(new string('x', 5000) + i), null, null), CancellationToken.None));
        }

        var bytes = file.ToArray();
        var damaged = (byte[])bytes.Clone();
        for (var i = 20; i < 40; i++)
        {
            damaged[offsets[1].Offset + i] ^= 0x5a;
        }

        var entries = WarcReader.Read(new MemoryStream(damaged)).ToList();
        Assert.That(entries.OfType<WarcRecord>().Select(r => r.TargetUri), Is.EqualTo(new[] { "urn:test:0", "urn:test:2" }));
        Assert.That(entries.OfType<WarcProblem>().Single().Message, Does.Contain($"offset {offsets[1].Offset}"));

        var cut = bytes[..(int)(offsets[2].Offset + offsets[2].Length / 2)];
        entries = WarcReader.Read(new MemoryStream(cut)).ToList();
        Assert.That(entries.OfType<WarcRecord>().Select(r => r.TargetUri), Is.EqualTo(new[] { "urn:test:0", "urn:test:1" }));
        Assert.That(entries.OfType<WarcProblem>().Single().Message, Does.Contain("ends inside the gzip member"));
    }

    [Test]
    public void A_plain_file_with_a_broken_header_goes_on_at_the_next_record()
    {
        var text = "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 2\r\n\r\nab\r\n\r\n"
            + "WARC/1.0\r\nthis line has no colon\r\n\r\n\r\n\r\n"
            + "WARC/1.0\r\nWARC-Type: metadata\r\nContent-Length: 3\r\n\r\nxyz\r\n\r\n";
        var entries = WarcReader.Read(new MemoryStream(Encoding.ASCII.GetBytes(text))).ToList();
        Assert.That(entries.OfType<WarcRecord>().Select(r => r.Type), Is.EqualTo(new[] { "resource", "metadata" }));
        Assert.That(entries.OfType<WarcProblem>().Single().Message, Does.Contain("without a field name"));
    }

    [Test]
    public async Task A_record_is_laid_out_as_the_specification_shows()
    {
        // WARC 1.1 §4 and the warcinfo example of §6.2: version line, named fields, a blank line, the block, CRLF CRLF.
        var info = WarcRecords.Warcinfo(At, "capture.warc.gz", [new("software", "Heritrix 1.12.0 http://crawler.archive.org"), new("format", "WARC file version 1.1")])
            with { RecordId = "<urn:uuid:d7ae5c10-e6b3-4d27-967d-34780c58ba39>" };
        using var file = new MemoryStream();
        await new WarcWriter(file).WriteAsync(info, CancellationToken.None);
        using var gzip = new GZipStream(new MemoryStream(file.ToArray()), CompressionMode.Decompress);
        using var text = new StreamReader(gzip, Encoding.UTF8);
        var block = "software: Heritrix 1.12.0 http://crawler.archive.org\r\nformat: WARC file version 1.1\r\n";
        Assert.That(await text.ReadToEndAsync(), Is.EqualTo(
            "WARC/1.1\r\n" +
            "WARC-Type: warcinfo\r\n" +
            "WARC-Record-ID: <urn:uuid:d7ae5c10-e6b3-4d27-967d-34780c58ba39>\r\n" +
            "WARC-Date: 2026-12-03T10:20:30Z\r\n" +
            "WARC-Filename: capture.warc.gz\r\n" +
            "Content-Type: application/warc-fields\r\n" +
            $"WARC-Block-Digest: {WarcWriter.Digest(Encoding.UTF8.GetBytes(block))}\r\n" +
            $"Content-Length: {block.Length}\r\n" +
            "\r\n" +
            block +
            "\r\n\r\n"));
    }

    [Test]
    public void Base32_is_rfc_4648() =>
        Assert.That(new[] { "", "f", "fo", "foo", "foob", "fooba", "foobar" }.Select(s => Base32.Encode(Encoding.ASCII.GetBytes(s))),
            Is.EqualTo(new[] { "", "MY======", "MZXQ====", "MZXW6===", "MZXW6YQ=", "MZXW6YTB", "MZXW6YTBOI======" }));

    [Test]
    public void A_gzip_member_header_with_every_optional_field_is_skipped()
    {
        // FEXTRA, FNAME, FCOMMENT and FHCRC (RFC 1952 §2.3), then the deflate stream and trailer of a real member.
        using var plain = new MemoryStream();
        using (var gzip = new GZipStream(plain, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 1\r\n\r\nz\r\n\r\n"u8);
        }

        var member = plain.ToArray();
        var header = new List<byte> { 0x1f, 0x8b, 8, 4 | 8 | 16 | 2, 0, 0, 0, 0, 0, 255, 3, 0, (byte)'a', (byte)'b', (byte)'c' };
        header.AddRange("name\0comment\0"u8.ToArray());
        header.AddRange(new byte[] { 0, 0 });
        var bytes = header.Concat(member[10..]).ToArray();
        Assert.That(WarcReader.Read(new MemoryStream(bytes)).OfType<WarcRecord>().Single().Block, Is.EqualTo("z"u8.ToArray()));
    }

    private static string Base32Of(byte[] bytes) => Base32.Encode(bytes);
}
