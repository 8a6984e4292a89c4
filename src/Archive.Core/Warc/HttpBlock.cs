using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Archive.Warc;

/// <summary>
/// The HTTP message in a request or response record's block (WARC 1.1 §6.3, §6.4: <c>application/http</c>), as
/// it was sent on the wire: start line, header lines, an empty line, the entity body as transferred.
/// </summary>
/// <param name="StartLine">The status line of a response, the request line of a request.</param>
/// <param name="Status">A response's status code; null for a request or an unreadable status line.</param>
/// <param name="Headers">The header lines in order.</param>
/// <param name="Body">The body as transferred (chunked and content-encoded as sent).</param>
internal sealed record HttpBlock(string StartLine, int? Status, IReadOnlyList<KeyValuePair<string, string>> Headers, ReadOnlyMemory<byte> Body)
{
    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The media type alone, lower-cased, without parameters.</summary>
    public string? MediaType => Header("Content-Type")?.Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>
    /// Parses a block. Real files have request blocks without the empty line after their headers, or with no header
    /// lines at all (see ../shared/warc/README.md): then the headers run to the block's end and the body is empty.
    /// </summary>
    public static HttpBlock? Parse(ReadOnlyMemory<byte> block)
    {
        var span = block.Span;
        var lineEnd = span.IndexOf((byte)'\n');
        if (lineEnd < 0 || !span.StartsWith("HTTP/"u8) && span.IndexOf(" HTTP/"u8) is < 0 or > 8192)
        {
            return null;
        }

        var startLine = Line(span[..lineEnd]);
        int? status = null;
        if (startLine.StartsWith("HTTP/", StringComparison.Ordinal))
        {
            var parts = startLine.Split(' ', 3);
            status = parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 999 ? code : null;
        }

        var headers = new List<KeyValuePair<string, string>>();
        var at = lineEnd + 1;
        while (at < span.Length)
        {
            var next = span[at..].IndexOf((byte)'\n');
            var raw = next < 0 ? span[at..] : span.Slice(at, next);
            at = next < 0 ? span.Length : at + next + 1;
            var line = Line(raw);
            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return new HttpBlock(startLine, status, headers, block[at..]);
    }

    /// <summary>
    /// The body as the page's reader got it: chunked transfer undone, then gzip, deflate or Brotli content coding
    /// undone (RFC 9112 §7.1, RFC 9110 §8.4). A body that does not decode as its headers say is returned as stored.
    /// </summary>
    /// <param name="max">Decoded bytes beyond this are cut off.</param>
    public byte[] Payload(long max)
    {
        var body = Body;
        if (Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true && Dechunk(body.Span) is { } plain)
        {
            body = plain;
        }

        var coding = Header("Content-Encoding")?.Trim().ToLowerInvariant();
        if (coding is null or "" or "identity" || body.IsEmpty)
        {
            return body[..(int)Math.Min(body.Length, max)].ToArray();
        }

        try
        {
            using var input = new MemoryStream(body.ToArray());
            using Stream decoder = coding switch
            {
                "gzip" or "x-gzip" => new GZipStream(input, CompressionMode.Decompress),
                "br" => new BrotliStream(input, CompressionMode.Decompress),
                "deflate" => body.Span[0] == 0x78 ? new ZLibStream(input, CompressionMode.Decompress) : new DeflateStream(input, CompressionMode.Decompress),
                _ => throw new InvalidDataException(),
            };
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int n;
            while (output.Length < max && (n = decoder.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, (int)Math.Min(n, max - output.Length));
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return body.ToArray();
        }
    }

    /// <summary>Undoes chunked transfer coding (RFC 9112 §7.1); null when the body is not validly chunked.</summary>
    private static byte[]? Dechunk(ReadOnlySpan<byte> body)
    {
        using var output = new MemoryStream();
        while (true)
        {
            var lineEnd = body.IndexOf((byte)'\n');
            if (lineEnd < 0)
            {
                return null;
            }

            var sizeText = Line(body[..lineEnd]).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                return null;
            }

            body = body[(lineEnd + 1)..];
            if (size == 0)
            {
                return output.ToArray();
            }

            if (size > body.Length)
            {
                output.Write(body); // cut short in the archive: keep what is there
                return output.ToArray();
            }

            output.Write(body[..size]);
            body = body[size..];
            body = body.StartsWith("\r\n"u8) ? body[2..] : body.StartsWith("\n"u8) ? body[1..] : body;
        }
    }

    private static string Line(ReadOnlySpan<byte> raw) => Encoding.Latin1.GetString(raw.EndsWith("\r"u8) ? raw[..^1] : raw);

    /// <summary>The reason phrase of RFC 9110 §15 for a status (the status line needs one; clients ignore it).</summary>
    public static string Reason(int status) => status switch
    {
        200 => "OK", 201 => "Created", 202 => "Accepted", 204 => "No Content", 206 => "Partial Content",
        301 => "Moved Permanently", 302 => "Found", 303 => "See Other", 304 => "Not Modified", 307 => "Temporary Redirect", 308 => "Permanent Redirect",
        400 => "Bad Request", 401 => "Unauthorized", 403 => "Forbidden", 404 => "Not Found", 405 => "Method Not Allowed", 410 => "Gone", 429 => "Too Many Requests",
        500 => "Internal Server Error", 502 => "Bad Gateway", 503 => "Service Unavailable", 504 => "Gateway Timeout",
        _ => "Status",
    };

    /// <summary>An HTTP message's head as the writer stores it: start line, headers, empty line.</summary>
    public static byte[] Head(string startLine, IEnumerable<KeyValuePair<string, string>> headers)
    {
        var text = new StringBuilder(startLine).Append("\r\n");
        foreach (var (name, value) in headers)
        {
            // A header value never spans lines in a record: a line break inside would end the HTTP head early.
            text.Append(name).Append(": ").Append(value.ReplaceLineEndings(" ")).Append("\r\n");
        }

        return Encoding.Latin1.GetBytes(text.Append("\r\n").ToString());
    }
}
