using SkiaSharp;

namespace Archive.Media;

/// <summary>Limits on decoding one untrusted image.</summary>
/// <param name="MaxPixels">Images claiming more pixels than this are refused before any pixel is decoded: a 50,000 × 50,000 PNG is a decompression bomb, not a photograph.</param>
/// <param name="CanvasSize">The longer side of the small image every comparison works on.</param>
public sealed record ImageLimits(long MaxPixels = 30_000_000, int CanvasSize = 320)
{
    public static ImageLimits Default { get; } = new();
}

/// <summary>Why an image could not be decoded, in words for the report.</summary>
internal sealed class ImageDecodeException(string message) : Exception(message);

/// <summary>
/// Decodes an image once into its <see cref="ImageSignature"/>. JPEG and WebP are decoded at a reduced scale
/// straight from the codec (libjpeg-turbo scales by 1/2, 1/4, 1/8 while decoding), so a 1280 × 720 photograph
/// never exists in memory at full size; transparency is composited on white, as a page shows it, and the EXIF
/// orientation is applied, as browsers do.
/// </summary>
internal static class ImageDecoder
{
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    public static ImageSignature Decode(byte[] bytes, ImageLimits limits)
    {
        var format = ImageFormatSniffer.Sniff(bytes);
        if (!ImageFormatSniffer.IsRaster(format))
        {
            throw new ImageDecodeException(format switch
            {
                ImageFormat.Html => "an HTML page, not an image",
                ImageFormat.Svg => "an SVG drawing, not a raster image",
                _ => bytes.Length == 0 ? "an empty file" : "not an image format Archive can read",
            });
        }

        using var codec = SKCodec.Create(new SKMemoryStream(bytes), out var opened);
        if (codec is null)
        {
            throw new ImageDecodeException(opened == SKCodecResult.IncompleteInput
                ? $"truncated: the {Name(format)} data ends before its header does"
                : $"{Name(format)} data Skia cannot read ({opened})");
        }

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0)
        {
            throw new ImageDecodeException($"{Name(format)} data with no pixels ({info.Width} × {info.Height})");
        }

        var pixels = (long)info.Width * info.Height;
        if (pixels > limits.MaxPixels)
        {
            throw new ImageDecodeException($"the {Name(format)} claims {info.Width:N0} × {info.Height:N0} pixels, over the cap of {limits.MaxPixels:N0} (a decompression bomb?); not decoded");
        }

        var scale = Math.Min(1f, (float)limits.CanvasSize / Math.Max(info.Width, info.Height));
        var scaled = codec.GetScaledDimensions(scale);
        var decodeInfo = new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(decodeInfo);
        var result = codec.GetPixels(decodeInfo, decoded.GetPixels());
        switch (result)
        {
            case SKCodecResult.Success:
                break;
            case SKCodecResult.IncompleteInput:
                throw new ImageDecodeException($"truncated: the {Name(format)} data ends before the picture does");
            case SKCodecResult.ErrorInInput:
                throw new ImageDecodeException($"corrupt: the {Name(format)} data holds an error");
            default:
                throw new ImageDecodeException($"the {Name(format)} could not be decoded ({result})");
        }

        var rotated = codec.EncodedOrigin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (width, height) = rotated ? (info.Height, info.Width) : (info.Width, info.Height);
        var (canvasWidth, canvasHeight) = Fit(width, height, limits.CanvasSize);
        var canvasInfo = new SKImageInfo(canvasWidth, canvasHeight, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var target = new SKBitmap(canvasInfo);
        using (var canvas = new SKCanvas(target))
        {
            canvas.Clear(SKColors.White);
            Orient(canvas, codec.EncodedOrigin, canvasWidth, canvasHeight);
            var destination = rotated ? new SKRect(0, 0, canvasHeight, canvasWidth) : new SKRect(0, 0, canvasWidth, canvasHeight);
            using var image = SKImage.FromBitmap(decoded);
            canvas.DrawImage(image, destination, Sampling);
        }

        return new ImageSignature(format, width, height, canvasWidth, canvasHeight, target.GetPixelSpan().ToArray());
    }

    /// <summary>Encodes an RGBA buffer as PNG (the pixel-diff images of the report).</summary>
    public static byte[] EncodePng(byte[] rgba, int width, int height)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        rgba.CopyTo(bitmap.GetPixelSpan());
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    internal static (int Width, int Height) Fit(int width, int height, int longest)
    {
        if (Math.Max(width, height) <= longest)
        {
            return (width, height);
        }

        return width >= height
            ? (longest, Math.Max(1, (int)Math.Round((double)height * longest / width)))
            : (Math.Max(1, (int)Math.Round((double)width * longest / height)), longest);
    }

    private static string Name(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "JPEG",
        ImageFormat.Png => "PNG",
        ImageFormat.Gif => "GIF",
        ImageFormat.WebP => "WebP",
        ImageFormat.Avif => "AVIF",
        ImageFormat.Heif => "HEIF",
        ImageFormat.Bmp => "BMP",
        ImageFormat.Ico => "ICO",
        ImageFormat.Tiff => "TIFF",
        _ => format.ToString(),
    };

    /// <summary>Turns the canvas so that drawing the stored pixels shows them the way the EXIF orientation says.</summary>
    private static void Orient(SKCanvas canvas, SKEncodedOrigin origin, int width, int height)
    {
        switch (origin)
        {
            case SKEncodedOrigin.TopRight:
                canvas.Translate(width, 0);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.BottomRight:
                canvas.Translate(width, height);
                canvas.RotateDegrees(180);
                break;
            case SKEncodedOrigin.BottomLeft:
                canvas.Translate(0, height);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.LeftTop:
                canvas.RotateDegrees(90);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.RightTop:
                canvas.Translate(width, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightBottom:
                canvas.Translate(width, height);
                canvas.Scale(-1, -1);
                canvas.RotateDegrees(90);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.LeftBottom:
                canvas.Translate(0, height);
                canvas.RotateDegrees(-90);
                break;
        }
    }
}
