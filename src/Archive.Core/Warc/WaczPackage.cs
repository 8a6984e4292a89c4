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
}
