namespace Archive.Media;

/// <summary>
/// Reads a JPEG's quantisation tables (the DQT segments, ITU T.81 B.2.4.1), which fix its quality: two
/// same-size JPEGs with the same tables are the same rendition, whatever else (metadata, Huffman tables) differs.
/// </summary>
internal static class JpegQuantization
{
    /// <returns>The DQT payloads in order, or null when the bytes are not a JPEG whose headers can be walked.</returns>
    public static byte[]? Tables(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            return null;
        }

        var tables = new List<byte>();
        var at = 2;
        while (at + 4 <= jpeg.Length)
        {
            if (jpeg[at] != 0xFF)
            {
                return null;
            }

            var marker = jpeg[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }

            if (marker is 0xDA or 0xD9)
            {
                break; // start of scan or end of image: every table comes before
            }

            var length = (jpeg[at + 2] << 8) | jpeg[at + 3];
            if (length < 2 || at + 2 + length > jpeg.Length)
            {
                return null;
            }

            if (marker == 0xDB)
            {
                tables.AddRange(jpeg.Slice(at + 4, length - 2));
            }

            at += 2 + length;
        }

        return tables.Count == 0 ? null : tables.ToArray();
    }
}
