namespace Archive.Media;

/// <summary>What the pixels say about two images.</summary>
internal enum ImageVerdict
{
    /// <summary>The same bytes, or visually identical at the same size.</summary>
    Same,

    /// <summary>The same picture at another size, quality, format or crop.</summary>
    Resized,

    /// <summary>A different picture, or the same one visibly edited.</summary>
    Changed,
}

/// <param name="Similarity">0..1: the structural similarity of the two pictures on a common grey canvas (1 for the same bytes).</param>
/// <param name="HashDistance">Bits that differ between the two 64-bit perceptual hashes.</param>
/// <param name="Damaged">The share of the picture whose local similarity is low (see <see cref="SsimScore.Damaged"/>).</param>
/// <param name="DiffRatio">The share of pixels that differ beyond anti-aliasing, on the common canvas.</param>
/// <param name="Cropped">Whether one picture is the other with its sides or its top and bottom cut off.</param>
/// <param name="Diff">The pixel diff, when the bytes differ.</param>
internal sealed record ImageComparison(
    ImageVerdict Verdict,
    double Similarity,
    int HashDistance,
    double Damaged,
    double DiffRatio,
    bool Cropped,
    PixelDiffResult? Diff);

/// <summary>
/// Compares two decoded images the way a reader would: the same picture resized, re-encoded or cropped is the
/// same picture; a different one, or the same one with something painted in or out, is not.
/// </summary>
internal static class ImageComparer
{
    /// <summary>Below this SSIM the pictures differ, whatever else agrees.</summary>
    public const double SimilarAbove = 0.80;

    /// <summary>Perceptual hashes of one picture's renditions stay within this many bits.</summary>
    public const int HashWithin = 14;

    /// <summary>A local edit: more than this share of the picture has low local similarity.</summary>
    public const double DamagedAbove = 0.02;

    /// <summary>Visually identical: at most this share of pixels differ beyond anti-aliasing.</summary>
    public const double IdenticalDiffBelow = 0.002;

    /// <summary>Two same-size images this close at full size (in dB of PSNR) are the same image.</summary>
    public const double IdenticalAboveDb = 45;

    /// <summary>Non-JPEG copies up to this size are compared at full size (16 MB of RGBA each).</summary>
    private const long FullSizeCheckMaxPixels = 4_000_000;

    // Aspect ratios within 3% are the same frame (renditions round their sizes).
    private const double SameFrame = 0.03;

    // The crop search works on grey images this many pixels high (or wide), then this many nearby.
    private const int CoarseSearch = 48;
    private const int FineSearch = 160;

    /// <param name="archivedBytes">The encoded images, when at hand: equal bytes are the same image without looking, and two renditions of one size that look identical on the canvas are told apart (another quality) at full size.</param>
    public static ImageComparison Compare(ImageSignature archived, ImageSignature live, byte[]? archivedBytes = null, byte[]? liveBytes = null, ImageLimits? limits = null)
    {
        if (archivedBytes is not null && liveBytes is not null && archivedBytes.AsSpan().SequenceEqual(liveBytes))
        {
            return new ImageComparison(ImageVerdict.Same, 1, 0, 0, 0, false, null);
        }

        var hashDistance = PerceptualHash.Distance(archived.Hash, live.Hash);
        if (Math.Abs(Math.Log(archived.Aspect / live.Aspect)) <= SameFrame)
        {
            // A common canvas: the smaller of the two, so neither picture is enlarged.
            var (width, height) = archived.CanvasWidth * archived.CanvasHeight <= live.CanvasWidth * live.CanvasHeight
                ? (archived.CanvasWidth, archived.CanvasHeight)
                : (live.CanvasWidth, live.CanvasHeight);
            var a = Pixels.Resample(archived.Rgba, archived.CanvasWidth, archived.CanvasHeight, 4, width, height);
            var b = Pixels.Resample(live.Rgba, live.CanvasWidth, live.CanvasHeight, 4, width, height);
            var ssim = Ssim.Compare(GreyOf(archived, a), GreyOf(live, b), width, height);
            var diff = PixelDiff.Compare(a, b, width, height);
            var similar = ssim.Mean >= SimilarAbove && hashDistance <= HashWithin && ssim.Damaged <= DamagedAbove;
            var sameSize = archived.Width == live.Width && archived.Height == live.Height;
            var verdict = !similar ? ImageVerdict.Changed
                : sameSize && diff.Ratio <= IdenticalDiffBelow && IdenticalAtFullSize(archived, archivedBytes, liveBytes, limits ?? ImageLimits.Default) ? ImageVerdict.Same
                : ImageVerdict.Resized;
            return new ImageComparison(verdict, Clamp(ssim.Mean), hashDistance, ssim.Damaged, diff.Ratio, false, diff);
        }

        return CompareCropped(archived, live, hashDistance);
    }

    /// <summary>
    /// A small canvas hides the loss of a lower JPEG quality, so two same-size renditions that look identical on it
    /// are looked at once more. Two JPEGs are the same rendition when their quantisation tables (their quality)
    /// are; anything else is decoded at full size, where only a peak signal-to-noise ratio of
    /// <see cref="IdenticalAboveDb"/> or more (a lossless copy, stripped metadata) is the same image.
    /// </summary>
    private static bool IdenticalAtFullSize(ImageSignature size, byte[]? archivedBytes, byte[]? liveBytes, ImageLimits limits)
    {
        if (archivedBytes is null || liveBytes is null)
        {
            return true;
        }

        if (JpegQuantization.Tables(archivedBytes) is { } archivedTables && JpegQuantization.Tables(liveBytes) is { } liveTables)
        {
            return archivedTables.AsSpan().SequenceEqual(liveTables);
        }

        // Full-size decoding is bounded: past this many pixels the canvas's verdict stands.
        if ((long)size.Width * size.Height > FullSizeCheckMaxPixels)
        {
            return true;
        }

        try
        {
            var full = limits with { CanvasSize = int.MaxValue };
            var a = ImageDecoder.Decode(archivedBytes, full).Rgba;
            var b = ImageDecoder.Decode(liveBytes, full).Rgba;
            return a.Length == b.Length && Psnr(a, b) >= IdenticalAboveDb;
        }
        catch (ImageDecodeException)
        {
            return false; // decodable small but not whole: not provably the same image
        }
    }

    /// <summary>The peak signal-to-noise ratio of two RGBA buffers over their colour channels, in decibels.</summary>
    internal static double Psnr(byte[] a, byte[] b)
    {
        long squared = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if ((i & 3) != 3)
            {
                var d = a[i] - b[i];
                squared += d * d;
            }
        }

        var mse = squared / (a.Length * 0.75);
        return mse == 0 ? double.PositiveInfinity : 10 * Math.Log10(255.0 * 255.0 / mse);
    }

    /// <summary>
    /// Different frames: is one picture the other with two sides cut off? The narrower picture is slid along the
    /// wider one on small grey images, then the best place is searched again nearby on larger ones and compared on
    /// the canvases themselves.
    /// </summary>
    private static ImageComparison CompareCropped(ImageSignature archived, ImageSignature live, int hashDistance)
    {
        var coarse = BestPlacement(archived, live, CoarseSearch, null);
        if (coarse.Score < SimilarAbove)
        {
            return new ImageComparison(ImageVerdict.Changed, Clamp(coarse.Score), hashDistance, 1, 1, false, null);
        }

        var fine = BestPlacement(archived, live, FineSearch, coarse.Crop);
        var (a, b, width, height) = Aligned(archived, live, fine.Crop);
        var ssim = Ssim.Compare(Pixels.Grey(a), Pixels.Grey(b), width, height);
        var diff = PixelDiff.Compare(a, b, width, height);
        var similar = ssim.Mean >= SimilarAbove && ssim.Damaged <= DamagedAbove;
        return new ImageComparison(similar ? ImageVerdict.Resized : ImageVerdict.Changed, Clamp(ssim.Mean), hashDistance, ssim.Damaged, diff.Ratio, similar, diff);
    }

    /// <summary>One way to lay the narrower picture on the wider: which is inside, along which axis, at which offset and extent (fractions of the outer side).</summary>
    private readonly record struct CropPlacement(bool ArchivedInside, bool Horizontal, double Offset, double Extent);

    /// <summary>The placement with the highest SSIM on grey images <paramref name="size"/> pixels across the slid axis; near <paramref name="around"/> only, when given.</summary>
    private static (double Score, CropPlacement Crop) BestPlacement(ImageSignature archived, ImageSignature live, int size, CropPlacement? around)
    {
        // The picture with the smaller aspect ratio is either the other with its sides cut off (slide it
        // horizontally at equal heights) or the other is it with top and bottom cut off (slide vertically at equal widths).
        var archivedNarrower = archived.Aspect < live.Aspect;
        var (narrow, wide) = archivedNarrower ? (archived, live) : (live, archived);
        var best = (Score: double.MinValue, Crop: default(CropPlacement));
        foreach (var horizontal in new[] { true, false })
        {
            if (around is { } near && near.Horizontal != horizontal)
            {
                continue;
            }

            var (inner, outer) = horizontal ? (narrow, wide) : (wide, narrow);
            var innerW = horizontal ? Math.Max(1, (int)Math.Round(size * inner.Aspect)) : size;
            var innerH = horizontal ? size : Math.Max(1, (int)Math.Round(size / inner.Aspect));
            var outerW = horizontal ? Math.Max(innerW, (int)Math.Round(size * outer.Aspect)) : size;
            var outerH = horizontal ? size : Math.Max(innerH, (int)Math.Round(size / outer.Aspect));
            var innerGrey = Pixels.Resample(inner.Grey, inner.CanvasWidth, inner.CanvasHeight, 1, innerW, innerH);
            var outerGrey = Pixels.Resample(outer.Grey, outer.CanvasWidth, outer.CanvasHeight, 1, outerW, outerH);
            var span = horizontal ? outerW : outerH;
            var extent = horizontal ? innerW : innerH;
            var (from, to) = (0, span - extent);
            if (around is { } coarse)
            {
                // The coarse step was one pixel of the small image: search a few of those either side.
                var centre = (int)Math.Round(coarse.Offset * span);
                var reach = (int)Math.Ceiling((double)size / CoarseSearch) + 1;
                (from, to) = (Math.Max(0, centre - reach), Math.Min(span - extent, centre + reach));
            }

            for (var offset = from; offset <= to; offset++)
            {
                var window = horizontal ? Pixels.Crop(outerGrey, outerW, 1, offset, 0, innerW, innerH) : Pixels.Crop(outerGrey, outerW, 1, 0, offset, innerW, innerH);
                var score = Ssim.Compare(innerGrey, window, innerW, innerH).Mean;
                if (score > best.Score)
                {
                    var archivedInside = horizontal == archivedNarrower;
                    best = (score, new CropPlacement(archivedInside, horizontal, (double)offset / span, (double)extent / span));
                }
            }
        }

        return best;
    }

    /// <summary>The inner picture and the matching window of the outer one, as RGBA on a common canvas.</summary>
    private static (byte[] Archived, byte[] Live, int Width, int Height) Aligned(ImageSignature archived, ImageSignature live, CropPlacement crop)
    {
        var (inner, outer) = crop.ArchivedInside ? (archived, live) : (live, archived);
        int x, y, w, h;
        if (crop.Horizontal)
        {
            (x, y, w, h) = ((int)Math.Round(crop.Offset * outer.CanvasWidth), 0, (int)Math.Round(crop.Extent * outer.CanvasWidth), outer.CanvasHeight);
        }
        else
        {
            (x, y, w, h) = (0, (int)Math.Round(crop.Offset * outer.CanvasHeight), outer.CanvasWidth, (int)Math.Round(crop.Extent * outer.CanvasHeight));
        }

        w = Math.Clamp(w, 1, outer.CanvasWidth - x);
        h = Math.Clamp(h, 1, outer.CanvasHeight - y);
        var window = Pixels.Crop(outer.Rgba, outer.CanvasWidth, 4, x, y, w, h);
        var (width, height) = w * h <= inner.CanvasWidth * inner.CanvasHeight ? (w, h) : (inner.CanvasWidth, inner.CanvasHeight);
        var innerPixels = Pixels.Resample(inner.Rgba, inner.CanvasWidth, inner.CanvasHeight, 4, width, height);
        var outerPixels = Pixels.Resample(window, w, h, 4, width, height);
        return crop.ArchivedInside ? (innerPixels, outerPixels, width, height) : (outerPixels, innerPixels, width, height);
    }

    private static byte[] GreyOf(ImageSignature image, byte[] rgba) => ReferenceEquals(rgba, image.Rgba) ? image.Grey : Pixels.Grey(rgba);

    private static double Clamp(double ssim) => Math.Round(Math.Clamp(ssim, 0, 1), 4);
}
