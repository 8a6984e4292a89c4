using System.IO.Compression;
using System.Text.Json;

namespace Archive.Warc;

/// <summary>One line of a WACZ's <c>pages/pages.jsonl</c> (WACZ 1.1.1, "Pages"): a page the crawl meant to keep.</summary>
internal sealed record WaczPage(string Url, DateTimeOffset? Timestamp, string? Title);

/// <summary>
/// Reads a WACZ package (WACZ 1.1.1: a zip holding <c>archive/*.warc[.gz]</c>, <c>pages/pages.jsonl</c>,
/// <c>indexes/</c> and <c>datapackage.json</c>). The WARCs are read where they lie in the zip, never unpacked.
/// </summary>
internal static class WaczPackage
{
    private const long MaxPageList = 512L * 1024 * 1024;

    /// <summary>Whether the bytes start a zip file (local file header signature, APPNOTE 4.3.7).</summary>
    public static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith("PK\u0003\u0004"u8);

    /// <summary>The WARC entries of the package, in name order.</summary>
    public static IReadOnlyList<string> WarcEntries(ZipArchive zip) =>
        zip.Entries.Where(e => e.FullName.StartsWith("archive/", StringComparison.Ordinal) && (e.FullName.EndsWith(".warc", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase)))
            .Select(e => e.FullName).Order(StringComparer.Ordinal).ToList();

    /// <summary>The pages of <c>pages/pages.jsonl</c> (and <c>pages/extraPages.jsonl</c>), skipping the header line; null when the package has no page list.</summary>
    /// <exception cref="InvalidDataException">A line is not a JSON object with a URL; the message names the line.</exception>
    public static IReadOnlyList<WaczPage>? Pages(ZipArchive zip)
    {
        var entry = zip.GetEntry("pages/pages.jsonl");
        if (entry is null)
        {
            return null;
        }

        // A page list is text a few hundred bytes a page; one that claims more is not read into memory.
        if (entry.Length > MaxPageList)
        {
            throw new InvalidDataException($"pages/pages.jsonl is {entry.Length / 1024 / 1024} MB, over the {MaxPageList / 1024 / 1024} MB a page list may be");
        }

        var pages = new List<WaczPage>();
        using var reader = new StreamReader(entry.Open());
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                if (root.TryGetProperty("format", out _) && !root.TryGetProperty("url", out _))
                {
                    continue; // the header line: {"format": "json-pages-1.0", ...}
                }

                if (!root.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String)
                {
                    throw new InvalidDataException($"pages/pages.jsonl line {number} has no \"url\"");
                }

                DateTimeOffset? ts = root.TryGetProperty("ts", out var t) && t.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(t.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
                var title = root.TryGetProperty("title", out var ti) && ti.ValueKind == JsonValueKind.String ? ti.GetString() : null;
                pages.Add(new WaczPage(url.GetString()!, ts, title));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"pages/pages.jsonl line {number} is not JSON: {e.Message}", e);
            }
        }

        return pages;
    }

    /// <summary>
    /// Where each stored (uncompressed) entry's bytes lie in the zip file, so a record is read by seeking straight to
    /// it: .NET's entry streams cannot seek, and reading up to a record from the entry's start would make reading a
    /// large package's pages quadratic. Read from the central directory (APPNOTE 6.3.10 §4.3.12, §4.3.16, ZIP64
    /// §4.3.14 and §4.5.3) and each entry's local header (§4.3.7). Deflated entries are left out.
    /// </summary>
    public static IReadOnlyDictionary<string, (long Offset, long Length)> StoredEntries(Stream zip)
    {
        var found = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        var tail = new byte[(int)Math.Min(zip.Length, 65_557)];
        zip.Seek(-tail.Length, SeekOrigin.End);
        zip.ReadExactly(tail);
        var end = tail.AsSpan().LastIndexOf("PK\u0005\u0006"u8);
        if (end < 0)
        {
            return found;
        }

        long directory = BitConverter.ToUInt32(tail, end + 16);
        long count = BitConverter.ToUInt16(tail, end + 10);
        var locator = end - 20;
        if ((directory == uint.MaxValue || count == ushort.MaxValue) && locator >= 0 && tail.AsSpan(locator, 4).SequenceEqual("PK\u0006\u0007"u8))
        {
            var zip64End = new byte[56];
            zip.Seek((long)BitConverter.ToUInt64(tail, locator + 8), SeekOrigin.Begin);
            zip.ReadExactly(zip64End);
            count = (long)BitConverter.ToUInt64(zip64End, 32);
            directory = (long)BitConverter.ToUInt64(zip64End, 48);
        }

        zip.Seek(directory, SeekOrigin.Begin);
        var header = new byte[46];
        var entries = new List<(string Name, long Local, long Size)>();
        for (var i = 0; i < count; i++)
        {
            zip.ReadExactly(header);
            if (!header.AsSpan(0, 4).SequenceEqual("PK\u0001\u0002"u8))
            {
                break;
            }

            var method = BitConverter.ToUInt16(header, 10);
            long size = BitConverter.ToUInt32(header, 20);
            long local = BitConverter.ToUInt32(header, 42);
            var rest = new byte[BitConverter.ToUInt16(header, 28) + BitConverter.ToUInt16(header, 30) + BitConverter.ToUInt16(header, 32)];
            zip.ReadExactly(rest);
            var nameLength = BitConverter.ToUInt16(header, 28);
            var name = System.Text.Encoding.UTF8.GetString(rest, 0, nameLength);
            var extra = rest.AsSpan(nameLength, BitConverter.ToUInt16(header, 30));
            while (extra.Length >= 4)
            {
                var (id, length) = (BitConverter.ToUInt16(extra), BitConverter.ToUInt16(extra[2..]));
                if (id == 1)
                {
                    // ZIP64: the 64-bit values present are those whose 32-bit field is all ones, in this order.
                    var values = extra.Slice(4, Math.Min(length, extra.Length - 4));
                    var at = 0;
                    if (BitConverter.ToUInt32(header, 24) == uint.MaxValue && at + 8 <= values.Length)
                    {
                        at += 8;
                    }

                    if (size == uint.MaxValue && at + 8 <= values.Length)
                    {
                        size = (long)BitConverter.ToUInt64(values[at..]);
                        at += 8;
                    }

                    if (local == uint.MaxValue && at + 8 <= values.Length)
                    {
                        local = (long)BitConverter.ToUInt64(values[at..]);
                    }
                }

                extra = extra[Math.Min(extra.Length, 4 + length)..];
            }

            if (method == 0)
            {
                entries.Add((name, local, size));
            }
        }

        var local30 = new byte[30];
        foreach (var (name, local, size) in entries)
        {
            zip.Seek(local, SeekOrigin.Begin);
            zip.ReadExactly(local30);
            if (local30.AsSpan(0, 4).SequenceEqual("PK\u0003\u0004"u8))
            {
                found[name] = (local + 30 + BitConverter.ToUInt16(local30, 26) + BitConverter.ToUInt16(local30, 28), size);
            }
        }

        return found;
    }
}
