using System.IO.Compression;
using Archive.Warc;

namespace Archive.Seeds.Formats;

/// <summary>A WARC file (ISO 28500; WARC 1.0 and 1.1), plain or gzipped: every HTML response with status 200 is a seed.</summary>
internal sealed class WarcFormat : ICrawlFormat
{
    public string Name => "WARC";

    public bool Claims(ReadOnlySpan<byte> head)
    {
        if (WarcReader.IsPlainWarc(head))
        {
            return true;
        }

        if (!WarcReader.IsGzip(head))
        {
            return false;
        }

        // Gzip says nothing of what it holds: a WARC's first member opens with its version line.
        try
        {
            using var gzip = new GZipStream(new MemoryStream(head.ToArray()), CompressionMode.Decompress);
            var start = new byte[5];
            var n = 0;
            while (n < start.Length && gzip.Read(start, n, start.Length - n) is > 0 and var got)
            {
                n += got;
            }

            return WarcReader.IsPlainWarc(start.AsSpan(0, n));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    public IReadOnlyList<SeedLoad> Read(string path, SeedReaderOptions options, CancellationToken cancellationToken)
    {
        var index = CrawlIndex.OfWarc(path, cancellationToken);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var loads = index.Pages.Select(page =>
        {
            var occurrence = seen[page.Url] = seen.GetValueOrDefault(page.Url) + 1;
            return index.Seed(page, CrawlSeedId.For(path, page.Url, occurrence), SeedFormat.Warc, options);
        }).ToList();
        return index.WithProblems(loads);
    }
}
