using SkiaSharp;

namespace Archive.Report;

/// <summary>The top of a full-page screenshot as a 160×100 JPEG, for the index: decoded at a reduced scale, so a 16,000-pixel page costs little.</summary>
internal static class Thumbnail
{
    public const int Width = 160;
    public const int Height = 100;

    /// <returns>The thumbnail, or null when the picture cannot be decoded.</returns>
    public static byte[]? Of(byte[] picture)
    {
        using var codec = SKCodec.Create(new MemoryStream(picture));
        if (codec is null || codec.Info.Width <= 0)
        {
            return null;
        }

        // The largest power-of-two reduction that keeps at least the thumbnail's width (JPEG decodes at 1/2–1/8 for free).
        var scale = 1f;
        while (scale > 0.125f && codec.Info.Width * scale / 2 >= Width)
        {
            scale /= 2;
        }

        var size = codec.GetScaledDimensions(scale);
        using var decoded = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (codec.GetPixels(decoded.Info, decoded.GetPixels()) is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return null;
        }

        // The page's top, cut to the thumbnail's proportions.
        var top = Math.Min(size.Height, (int)Math.Round(size.Width * (double)Height / Width));
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
        surface.Canvas.Clear(SKColors.White);
        using var image = SKImage.FromBitmap(decoded);
        surface.Canvas.DrawImage(image, new SKRect(0, 0, size.Width, top), new SKRect(0, 0, Width, Height * (float)top / (size.Width * (float)Height / Width)), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var snapshot = surface.Snapshot();
        using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, 75);
        return jpeg.ToArray();
    }
}
