namespace Archive.Media;

/// <summary>
/// One decoded image in the small form every comparison works on: its real size, a canvas of at most
/// <see cref="ImageLimits.CanvasSize"/> pixels on the longer side (RGBA, composited on white), the canvas in grey
/// and a 64-bit perceptual hash. Immutable, so one decoding serves every comparison of the run.
/// </summary>
internal sealed class ImageSignature
{
    public ImageSignature(ImageFormat format, int width, int height, int canvasWidth, int canvasHeight, byte[] rgba)
    {
        Format = format;
        Width = width;
        Height = height;
        CanvasWidth = canvasWidth;
        CanvasHeight = canvasHeight;
        Rgba = rgba;
        Grey = Pixels.Grey(rgba);
        Hash = PerceptualHash.Of(Grey, canvasWidth, canvasHeight);
    }

    public ImageFormat Format { get; }

    /// <summary>The image's real width, after its EXIF orientation.</summary>
    public int Width { get; }

    public int Height { get; }

    public int CanvasWidth { get; }

    public int CanvasHeight { get; }

    public byte[] Rgba { get; }

    /// <summary>Luma (BT.601) of the canvas, one byte per pixel.</summary>
    public byte[] Grey { get; }

    public ulong Hash { get; }

    public double Aspect => (double)Width / Height;

    /// <summary>Roughly what the signature holds in memory, for the cache's budget.</summary>
    public long Bytes => Rgba.Length + Grey.Length + 64;
}
