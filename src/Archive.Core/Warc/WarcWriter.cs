using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Archive.Warc;

/// <summary>A record to write: its type, its named fields beyond the ones the writer computes, and its block.</summary>
/// <param name="Payload">Where the payload lies in the block (WARC 1.1 §5.9: the HTTP entity body of a request or response); null when the record has none.</param>
internal sealed record WarcRecordToWrite(string Type, IReadOnlyList<KeyValuePair<string, string>> Fields, ReadOnlyMemory<byte> Block, Range? Payload = null)
{
    /// <summary>The record's id, made here so a later record can name it (WARC-Concurrent-To, WARC-Warcinfo-ID).</summary>
    public string RecordId { get; init; } = "<urn:uuid:" + Guid.NewGuid().ToString("D") + ">";
}

/// <summary>Where a written record lies in the file, for an index (CDXJ: offset and length of its gzip member).</summary>
internal sealed record WarcWritten(string RecordId, long Offset, long Length, string BlockDigest, string? PayloadDigest);

/// <summary>
/// Writes WARC 1.1 records, each as its own gzip member (Annex D.2) so a reader can seek to any of them. The
/// writer computes what a record must state about itself: WARC-Record-ID, Content-Length, and the block and
/// payload digests as <c>sha256:</c> base32 (§5.8, §5.9).
/// </summary>
internal sealed class WarcWriter(Stream output)
{
    private long offset = output.CanSeek ? output.Position : 0;

    public static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Digest(ReadOnlySpan<byte> bytes) => "sha256:" + Base32.Encode(SHA256.HashData(bytes));

    public async Task<WarcWritten> WriteAsync(WarcRecordToWrite record, CancellationToken cancellationToken)
    {
        var blockDigest = Digest(record.Block.Span);
        var payloadDigest = record.Payload is { } payload ? Digest(record.Block.Span[payload]) : null;
        var head = new StringBuilder("WARC/1.1\r\n");
        void Field(string name, string value) => head.Append(name).Append(": ").Append(value.ReplaceLineEndings(" ")).Append("\r\n");
        Field("WARC-Type", record.Type);
        Field("WARC-Record-ID", record.RecordId);
        foreach (var (name, value) in record.Fields)
        {
            Field(name, value);
        }

        Field("WARC-Block-Digest", blockDigest);
        if (payloadDigest is not null)
        {
            Field("WARC-Payload-Digest", payloadDigest);
        }

        Field("Content-Length", record.Block.Length.ToString(CultureInfo.InvariantCulture));
        head.Append("\r\n");

        // One member per record: compressed into memory first, so its length is known and the file only ever grows by whole members.
        using var member = new MemoryStream();
        await using (var gzip = new GZipStream(member, CompressionLevel.Optimal, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(head.ToString()), cancellationToken).ConfigureAwait(false);
            await gzip.WriteAsync(record.Block, cancellationToken).ConfigureAwait(false);
            await gzip.WriteAsync("\r\n\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        }

        var at = offset;
        member.Position = 0;
        await member.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        offset += member.Length;
        return new WarcWritten(record.RecordId, at, member.Length, blockDigest, payloadDigest);
    }
}

/// <summary>The records a capture writes, built to WARC 1.1 §6.</summary>
internal static class WarcRecords
{
    /// <summary>§6.2: describes the records that follow it (the tool, its version, the settings that shaped the capture).</summary>
    public static WarcRecordToWrite Warcinfo(DateTimeOffset date, string fileName, IEnumerable<KeyValuePair<string, string>> info)
    {
        var block = new StringBuilder();
        foreach (var (name, value) in info)
        {
            block.Append(name).Append(": ").Append(value.ReplaceLineEndings(" ")).Append("\r\n");
        }

        return new("warcinfo", [new("WARC-Date", WarcWriter.Date(date)), new("WARC-Filename", fileName), new("Content-Type", "application/warc-fields")], Encoding.UTF8.GetBytes(block.ToString()));
    }

    /// <summary>§6.4: the HTTP request as sent.</summary>
    public static WarcRecordToWrite Request(Uri target, DateTimeOffset date, string method, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body, string? concurrentTo, string? warcinfoId)
    {
        var requestLine = $"{method} {(string.IsNullOrEmpty(target.PathAndQuery) ? "/" : target.PathAndQuery)} HTTP/1.1";
        var head = HttpBlock.Head(requestLine, headers.Any(h => h.Key.Equals("host", StringComparison.OrdinalIgnoreCase)) ? headers : headers.Prepend(new("Host", target.Authority)));
        return new("request", Common(target, date, "application/http; msgtype=request", concurrentTo, warcinfoId), Join(head, body.Span), head.Length..);
    }

    /// <summary>§6.3: the HTTP response as the browser received it; a body cut at a cap says so (§5.13, WARC-Truncated: length).</summary>
    public static WarcRecordToWrite Response(Uri target, DateTimeOffset date, int status, string reason, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body, bool truncated, string? ipAddress, string? warcinfoId)
    {
        var head = HttpBlock.Head($"HTTP/1.1 {status} {reason}", headers);
        var fields = Common(target, date, "application/http; msgtype=response", null, warcinfoId);
        if (ipAddress is not null)
        {
            fields.Add(new("WARC-IP-Address", ipAddress));
        }

        if (truncated)
        {
            fields.Add(new("WARC-Truncated", "length"));
        }

        return new("response", fields, Join(head, body.Span), head.Length..);
    }

    /// <summary>§6.5: a resource the tool made itself (the screenshot), named by a URI of its own.</summary>
    public static WarcRecordToWrite Resource(Uri target, DateTimeOffset date, string contentType, ReadOnlyMemory<byte> bytes, string? concurrentTo, string? warcinfoId) =>
        new("resource", Common(target, date, contentType, concurrentTo, warcinfoId), bytes);

    /// <summary>§6.6: what the tool concluded about a record (the seed's verdict), referring to the page's response.</summary>
    public static WarcRecordToWrite Metadata(Uri target, DateTimeOffset date, string contentType, ReadOnlyMemory<byte> bytes, string? refersTo, string? warcinfoId)
    {
        var fields = Common(target, date, contentType, null, warcinfoId);
        if (refersTo is not null)
        {
            fields.Add(new("WARC-Refers-To", refersTo));
        }

        return new("metadata", fields, bytes);
    }

    private static List<KeyValuePair<string, string>> Common(Uri target, DateTimeOffset date, string contentType, string? concurrentTo, string? warcinfoId)
    {
        var fields = new List<KeyValuePair<string, string>> { new("WARC-Target-URI", target.AbsoluteUri), new("WARC-Date", WarcWriter.Date(date)), new("Content-Type", contentType) };
        if (concurrentTo is not null)
        {
            fields.Add(new("WARC-Concurrent-To", concurrentTo));
        }

        if (warcinfoId is not null)
        {
            fields.Add(new("WARC-Warcinfo-ID", warcinfoId));
        }

        return fields;
    }

    private static byte[] Join(ReadOnlySpan<byte> head, ReadOnlySpan<byte> body)
    {
        var block = new byte[head.Length + body.Length];
        head.CopyTo(block);
        body.CopyTo(block.AsSpan(head.Length));
        return block;
    }
}
