using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Archive.Warc;

/// <summary>A WARC to package, its file name inside <c>archive/</c>, and the pages it holds.</summary>
internal sealed record WaczSource(string Name, string Path, IReadOnlyList<WaczPage> Pages);

/// <summary>
/// Writes a WACZ 1.1.1 package (specs.webrecorder.net/wacz/1.1.1): the WARCs stored uncompressed in the zip (so
/// a replayer can read a record by its offset), <c>pages/pages.jsonl</c>, a CDXJ index of every response in
/// <c>indexes/index.cdx</c>, <c>datapackage.json</c> with each file's SHA-256 and size, and
/// <c>datapackage-digest.json</c> with the package description's own hash.
/// </summary>
internal static class WaczWriter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(Stream output, IReadOnlyList<WaczSource> sources, string title, DateTimeOffset created, string software, CancellationToken cancellationToken)
    {
        var resources = new JsonArray();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            async Task AddAsync(string path, Func<Stream, Task> write)
            {
                var entry = zip.CreateEntry(path, path.StartsWith("archive/", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                long bytes;
                await using (var stream = entry.Open())
                {
                    var hashing = new HashingStream(stream, hash);
                    await write(hashing).ConfigureAwait(false);
                    bytes = hashing.Written;
                }

                resources.Add(new JsonObject
                {
                    ["name"] = System.IO.Path.GetFileName(path),
                    ["path"] = path,
                    ["hash"] = "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset()),
                    ["bytes"] = bytes,
                });
            }

            var index = new List<string>();
            foreach (var source in sources)
            {
                cancellationToken.ThrowIfCancellationRequested();
                index.AddRange(IndexLines(source));
                await AddAsync("archive/" + source.Name, async stream =>
                {
                    await using var file = File.OpenRead(source.Path);
                    await file.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
                }).ConfigureAwait(false);
            }

            await AddAsync("pages/pages.jsonl", stream => WriteTextAsync(stream, PagesJsonl(sources), cancellationToken)).ConfigureAwait(false);
            index.Sort(StringComparer.Ordinal);
            await AddAsync("indexes/index.cdx", stream => WriteTextAsync(stream, string.Concat(index.Select(line => line + "\n")), cancellationToken)).ConfigureAwait(false);

            var firstPage = sources.SelectMany(s => s.Pages).FirstOrDefault();
            var package = new JsonObject
            {
                ["profile"] = "data-package",
                ["wacz_version"] = "1.1.1",
                ["title"] = title,
                ["created"] = created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["software"] = software,
                ["resources"] = resources,
            };
            if (firstPage is not null)
            {
                package["mainPageURL"] = firstPage.Url;
            }

            var packageBytes = JsonSerializer.SerializeToUtf8Bytes(package, Json);
            var packageEntry = zip.CreateEntry("datapackage.json", CompressionLevel.Optimal);
            await using (var stream = packageEntry.Open())
            {
                await stream.WriteAsync(packageBytes, cancellationToken).ConfigureAwait(false);
            }

            var digest = new JsonObject { ["path"] = "datapackage.json", ["hash"] = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(packageBytes)) };
            await using (var stream = zip.CreateEntry("datapackage-digest.json", CompressionLevel.Optimal).Open())
            {
                await stream.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(digest, Json), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// One CDXJ line per response, resource and revisit record: SURT key, 14-digit timestamp, and JSON naming the
    /// record's gzip member (offset and length) in its file. Lengths come from where the next member starts.
    /// </summary>
    private static IEnumerable<string> IndexLines(WaczSource source)
    {
        var found = new List<(WarcRecord Record, HttpBlock? Http)>();
        using (var file = File.OpenRead(source.Path))
        {
            foreach (var record in WarcReader.Read(file, new WarcReadOptions(WarcReadOptions.HeadBytes, f => f["WARC-Type"] is "response" or "revisit")).OfType<WarcRecord>())
            {
                found.Add((record, record.Type is "response" or "revisit" ? HttpBlock.Parse(record.Block) : null));
            }
        }

        var end = new FileInfo(source.Path).Length;
        for (var i = 0; i < found.Count; i++)
        {
            var (record, http) = found[i];
            if (record.Type is not ("response" or "resource" or "revisit") || record.TargetUri is not { } url || record.Date is not { } date)
            {
                continue;
            }

            var next = found.Skip(i + 1).Select(f => f.Record.Location.FileOffset).FirstOrDefault(o => o > record.Location.FileOffset, end);
            var json = new JsonObject
            {
                ["url"] = url,
                ["mime"] = http?.MediaType ?? record.ContentType?.Split(';')[0].Trim(),
                ["status"] = http?.Status ?? 200,
                ["digest"] = record.Fields["WARC-Payload-Digest"] ?? record.Fields["WARC-Block-Digest"],
                ["length"] = next - record.Location.FileOffset,
                ["offset"] = record.Location.FileOffset,
                ["filename"] = source.Name,
            };
            if (record.Type == "revisit")
            {
                json["mime"] = "warc/revisit";
            }

            yield return $"{Surt(url)} {date.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)} {json.ToJsonString(Compact)}";
        }
    }

    private static string PagesJsonl(IReadOnlyList<WaczSource> sources)
    {
        var text = new StringBuilder("{\"format\":\"json-pages-1.0\",\"id\":\"pages\",\"title\":\"All Pages\"}\n");
        foreach (var page in sources.SelectMany(s => s.Pages))
        {
            var line = new JsonObject
            {
                ["id"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(page.Url + page.Timestamp?.ToUnixTimeMilliseconds())))[..22],
                ["url"] = page.Url,
                ["ts"] = page.Timestamp?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["title"] = page.Title ?? page.Url,
            };
            text.Append(line.ToJsonString(Compact)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// The Sort-friendly URI Reordering Transform replayers key their indexes by, as ReplayWeb.page computes it:
    /// lower case, "www." dropped, host labels reversed and comma-joined, then ")" and the path and sorted query.
    /// </summary>
    public static string Surt(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return url;
        }

        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www", StringComparison.Ordinal) && host.IndexOf('.') is var dot and > 2 && host[3..dot].All(char.IsAsciiDigit))
        {
            host = host[(dot + 1)..];
        }

        var surt = string.Join(',', host.Split('.').Reverse());
        if (!uri.IsDefaultPort)
        {
            surt += ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        }

        surt += ")" + uri.AbsolutePath.ToLowerInvariant();
        if (uri.Query.Length > 1)
        {
            surt += "?" + string.Join('&', uri.Query[1..].ToLowerInvariant().Split('&').Order(StringComparer.Ordinal));
        }

        return surt;
    }

    private static async Task WriteTextAsync(Stream stream, string text, CancellationToken cancellationToken) =>
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);

    /// <summary>Hashes and counts what passes through on its way into a zip entry.</summary>
    private sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
    {
        public long Written { get; private set; }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.AppendData(buffer);
            Written += buffer.Length;
            inner.Write(buffer);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            hash.AppendData(buffer.Span);
            Written += buffer.Length;
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
