using Archive.Capture;
using Archive.Warc;

namespace Archive.Snapshots;

/// <summary>
/// A capture as a WARC 1.1 file (<c>capture.warc.gz</c>), in the order replay tools expect: a warcinfo record; for
/// every request of the page, the main document's first, a request and response pair (each redirect its own
/// response); the screenshot as a resource; the seed's verdict as metadata. Every URL is in the original URL
/// space, whatever <c>--map</c> did with the requests.
/// </summary>
internal static class CaptureWarc
{
    public const string FileName = "capture.warc.gz";

    /// <param name="info">The warcinfo fields: the tool, its version, the settings that shaped the capture.</param>
    /// <param name="verdict">The seed's verdict as JSON, for the metadata record; null when there is none.</param>
    public static async Task WriteAsync(Stream output, PageCapture capture, IEnumerable<KeyValuePair<string, string>> info, ReadOnlyMemory<byte>? verdict, CancellationToken cancellationToken)
    {
        var writer = new WarcWriter(output);
        var warcinfo = WarcRecords.Warcinfo(capture.CapturedAt, FileName, info);
        await writer.WriteAsync(warcinfo, cancellationToken).ConfigureAwait(false);

        string? page = null;
        foreach (var exchange in capture.Traffic)
        {
            var response = exchange.Response;
            var hops = response.Redirects.Select((hop, i) => (hop.Url, hop.Status, Location: i + 1 < response.Redirects.Count ? response.Redirects[i + 1].Url : response.FinalUrl)).ToList();
            foreach (var (url, status, location) in hops)
            {
                // The fetcher followed the redirect itself: its status and Location are what is known of that answer.
                var redirect = WarcRecords.Response(url, exchange.At, status, HttpBlock.Reason(status), [new("Location", location.AbsoluteUri)], ReadOnlyMemory<byte>.Empty, false, null, warcinfo.RecordId);
                await WritePairAsync(writer, exchange, url, redirect, cancellationToken).ConfigureAwait(false);
            }

            if (response.Status is not { } final)
            {
                continue;
            }

            var headers = response.Headers.Append(new("Content-Length", response.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var record = WarcRecords.Response(response.FinalUrl, exchange.At, final, HttpBlock.Reason(final), headers, response.Body, response.Truncated, null, warcinfo.RecordId);
            await WritePairAsync(writer, exchange, response.FinalUrl, record, cancellationToken).ConfigureAwait(false);
            page ??= record.RecordId;
        }

        if (capture.Screenshot is { } screenshot)
        {
            await writer.WriteAsync(WarcRecords.Resource(new Uri("urn:screenshot:" + capture.FinalUrl.AbsoluteUri), capture.CapturedAt, "image/jpeg", screenshot, page, warcinfo.RecordId), cancellationToken).ConfigureAwait(false);
        }

        if (verdict is { } json)
        {
            await writer.WriteAsync(WarcRecords.Metadata(capture.SourceUrl, capture.CapturedAt, "application/json", json, page, warcinfo.RecordId), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The response, then the request that asked for it, naming it (WARC-Concurrent-To, §5.7).</summary>
    private static async Task WritePairAsync(WarcWriter writer, Exchange exchange, Uri url, WarcRecordToWrite response, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(response, cancellationToken).ConfigureAwait(false);
        var headers = exchange.RequestHeaders.Where(h => !h.Key.StartsWith(':'));
        var warcinfo = response.Fields.FirstOrDefault(f => f.Key == "WARC-Warcinfo-ID").Value;
        await writer.WriteAsync(WarcRecords.Request(url, exchange.At, exchange.Method, headers, exchange.RequestBody ?? ReadOnlyMemory<byte>.Empty, response.RecordId, warcinfo), cancellationToken).ConfigureAwait(false);
    }
}
