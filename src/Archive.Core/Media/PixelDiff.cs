namespace Archive.Media;

/// <summary>The result of <see cref="PixelDiff.Compare"/>.</summary>
/// <param name="Different">Pixels whose colours differ beyond the threshold and are not anti-aliasing.</param>
/// <param name="AntiAliased">Pixels that differ only because an edge was smoothed differently.</param>
/// <param name="Image">The diff image (RGBA): the first image faded to grey, differences in red, anti-aliasing in yellow.</param>
internal sealed record PixelDiffResult(int Different, int AntiAliased, int Width, int Height, byte[] Image)
{
    public double Ratio => (double)Different / (Width * Height);
}

/// <summary>
/// A per-pixel comparison in the manner of pixelmatch (Mapbox): colour distance in the YIQ space, which weighs
/// differences the way eyes do, and pixels on an anti-aliased edge in both images are told apart from real
/// differences. Works on opaque RGBA buffers of the same size (the canvases are composited on white).
/// </summary>
internal static class PixelDiff
{
    /// <summary>pixelmatch's default: 0.1 of the largest possible YIQ distance.</summary>
    public const double DefaultThreshold = 0.1;

    // The largest YIQ distance, between black and white.
    private const double MaxYiqDelta = 35215;

    public static PixelDiffResult Compare(byte[] a, byte[] b, int width, int height, double threshold = DefaultThreshold)
    {
        if (a.Length != b.Length || a.Length != width * height * 4)
        {
            throw new ArgumentException("A pixel diff needs two RGBA images of the same size.");
        }

        var output = new byte[a.Length];
        var maxDelta = MaxYiqDelta * threshold * threshold;
        int different = 0, antiAliased = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var p = ((y * width) + x) * 4;
                var delta = ColourDelta(a, b, p, p, yOnly: false);
                if (Math.Abs(delta) > maxDelta)
                {
                    if (IsAntiAliased(a, x, y, width, height, b) || IsAntiAliased(b, x, y, width, height, a))
                    {
                        antiAliased++;
                        Paint(output, p, 255, 255, 0);
                    }
                    else
                    {
                        different++;
                        Paint(output, p, 255, 0, 0);
                    }
                }
                else
                {
                    // The unchanged picture, faded, so the red stands out and still shows where it is.
                    var grey = (byte)(255 + ((Y(a[p], a[p + 1], a[p + 2]) - 255) * 0.1));
                    Paint(output, p, grey, grey, grey);
                }
            }
        }

        return new PixelDiffResult(different, antiAliased, width, height, output);
    }

    private static void Paint(byte[] image, int p, byte r, byte g, byte b)
    {
        image[p] = r;
        image[p + 1] = g;
        image[p + 2] = b;
        image[p + 3] = 255;
    }

    private static double Y(double r, double g, double b) => (r * 0.29889531) + (g * 0.58662247) + (b * 0.11448223);

    private static double I(double r, double g, double b) => (r * 0.59597799) - (g * 0.27417610) - (b * 0.32180189);

    private static double Q(double r, double g, double b) => (r * 0.21147017) - (g * 0.52261711) + (b * 0.31114694);

    /// <summary>The squared YIQ distance, negative when the first pixel is the brighter; just the brightness difference when <paramref name="yOnly"/>.</summary>
    private static double ColourDelta(byte[] a, byte[] b, int p, int q, bool yOnly)
    {
        double r1 = a[p], g1 = a[p + 1], b1 = a[p + 2];
        double r2 = b[q], g2 = b[q + 1], b2 = b[q + 2];
        if (r1 == r2 && g1 == g2 && b1 == b2)
        {
            return 0;
        }

        var y1 = Y(r1, g1, b1);
        var y2 = Y(r2, g2, b2);
        var dy = y1 - y2;
        if (yOnly)
        {
            return dy;
        }

        var di = I(r1, g1, b1) - I(r2, g2, b2);
        var dq = Q(r1, g1, b1) - Q(r2, g2, b2);
        var delta = (0.5053 * dy * dy) + (0.299 * di * di) + (0.1957 * dq * dq);
        return y1 > y2 ? -delta : delta;
    }

    /// <summary>
    /// Whether a pixel sits on an anti-aliased edge: among its eight neighbours it has both a brighter and a
    /// darker one, few equal ones, and the darkest or brightest neighbour lies in a flat area in both images.
    /// </summary>
    private static bool IsAntiAliased(byte[] image, int x1, int y1, int width, int height, byte[] other)
    {
        int x0 = Math.Max(x1 - 1, 0), y0 = Math.Max(y1 - 1, 0), x2 = Math.Min(x1 + 1, width - 1), y2 = Math.Min(y1 + 1, height - 1);
        var p = ((y1 * width) + x1) * 4;
        var zeroes = x1 == x0 || x1 == x2 || y1 == y0 || y1 == y2 ? 1 : 0;
        double min = 0, max = 0;
        int minX = 0, minY = 0, maxX = 0, maxY = 0;
        for (var x = x0; x <= x2; x++)
        {
            for (var y = y0; y <= y2; y++)
            {
                if (x == x1 && y == y1)
                {
                    continue;
                }

                var delta = ColourDelta(image, image, p, ((y * width) + x) * 4, yOnly: true);
                if (delta == 0)
                {
                    if (++zeroes > 2)
                    {
                        return false;
                    }
                }
                else if (delta < min)
                {
                    (min, minX, minY) = (delta, x, y);
                }
                else if (delta > max)
                {
                    (max, maxX, maxY) = (delta, x, y);
                }
            }
        }

        if (min == 0 || max == 0)
        {
            return false;
        }

        return (HasManySiblings(image, minX, minY, width, height) && HasManySiblings(other, minX, minY, width, height))
            || (HasManySiblings(image, maxX, maxY, width, height) && HasManySiblings(other, maxX, maxY, width, height));
    }

    /// <summary>Whether at least three of a pixel's neighbours have exactly its colour.</summary>
    private static bool HasManySiblings(byte[] image, int x1, int y1, int width, int height)
    {
        int x0 = Math.Max(x1 - 1, 0), y0 = Math.Max(y1 - 1, 0), x2 = Math.Min(x1 + 1, width - 1), y2 = Math.Min(y1 + 1, height - 1);
        var p = ((y1 * width) + x1) * 4;
        var zeroes = x1 == x0 || x1 == x2 || y1 == y0 || y1 == y2 ? 1 : 0;
        for (var x = x0; x <= x2; x++)
        {
            for (var y = y0; y <= y2; y++)
            {
                if (x == x1 && y == y1)
                {
                    continue;
                }

                var q = ((y * width) + x) * 4;
                if (image[p] == image[q] && image[p + 1] == image[q + 1] && image[p + 2] == image[q + 2] && image[p + 3] == image[q + 3] && ++zeroes > 2)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
