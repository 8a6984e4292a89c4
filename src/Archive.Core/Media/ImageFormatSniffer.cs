using System.Text;

namespace Archive.Media;

/// <summary>What a response's bytes are, whatever its Content-Type claims.</summary>
public enum ImageFormat
{
    Unknown,
    Jpeg,
    Png,
    Gif,

    [System.Text.Json.Serialization.JsonStringEnumMemberName("webp")]
    WebP,
    Avif,
    Heif,
    Bmp,
    Ico,
    Tiff,
    Svg,

    /// <summary>An HTML page: an error or placeholder page served where an image was asked for.</summary>
    Html,
}

/// <summary>
/// Decides a file's format from its first bytes (the magic numbers of the WHATWG MIME Sniffing standard), because
/// servers answer image URLs with HTML error pages under <c>200 OK</c> and with wrong content types.
/// </summary>
internal static class ImageFormatSniffer
{
    public static ImageFormat Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ImageFormat.Jpeg;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ImageFormat.Png;
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return ImageFormat.Gif;
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageFormat.WebP;
        }

        if (bytes.Length >= 12 && bytes[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = bytes[8..12];
            if (brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8))
            {
                return ImageFormat.Avif;
            }

            if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8))
            {
                return ImageFormat.Heif;
            }
        }

        if (bytes.StartsWith("BM"u8))
        {
            return ImageFormat.Bmp;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0, 0, 1, 0]))
        {
            return ImageFormat.Ico;
        }

        if (bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8))
        {
            return ImageFormat.Tiff;
        }

        return SniffMarkup(bytes);
    }

    public static bool IsRaster(ImageFormat format) => format is not (ImageFormat.Unknown or ImageFormat.Svg or ImageFormat.Html);

    /// <summary>SVG and HTML are text: look past a byte-order mark, white space, an XML declaration and comments.</summary>
    private static ImageFormat SniffMarkup(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 2048)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        if (!head.StartsWith('<'))
        {
            return ImageFormat.Unknown;
        }

        var svg = head.IndexOf("<svg", StringComparison.Ordinal);
        var html = IndexOfAny(head, "<!doctype html", "<html", "<head", "<body", "<title", "<meta", "<div", "<p>", "<h1");
        return (svg, html) switch
        {
            (>= 0, < 0) => ImageFormat.Svg,
            (>= 0, >= 0) when svg < html => ImageFormat.Svg,
            (_, >= 0) => ImageFormat.Html,
            _ => ImageFormat.Unknown,
        };
    }

    private static int IndexOfAny(string text, params string[] needles)
    {
        var first = -1;
        foreach (var needle in needles)
        {
            var at = text.IndexOf(needle, StringComparison.Ordinal);
            if (at >= 0 && (first < 0 || at < first))
            {
                first = at;
            }
        }

        return first;
    }
}
