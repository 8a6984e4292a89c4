namespace Archive.Media;

/// <summary>Small pixel-buffer helpers shared by the comparisons: grey conversion and area resampling.</summary>
internal static class Pixels
{
    public static byte[] Grey(ReadOnlySpan<byte> rgba)
    {
        var grey = new byte[rgba.Length / 4];
        for (int i = 0, p = 0; i < grey.Length; i++, p += 4)
        {
            // BT.601 luma in fixed point: 0.299, 0.587, 0.114 scaled by 1024.
            grey[i] = (byte)((306 * rgba[p] + 601 * rgba[p + 1] + 117 * rgba[p + 2] + 512) >> 10);
        }

        return grey;
    }

    /// <summary>
    /// Resamples a buffer of <paramref name="channels"/> bytes per pixel to another size by area averaging
    /// (each target pixel is the mean of the source area it covers), which neither aliases when shrinking nor
    /// invents detail when growing.
    /// </summary>
    public static byte[] Resample(byte[] source, int width, int height, int channels, int targetWidth, int targetHeight)
    {
        if (width == targetWidth && height == targetHeight)
        {
            return source;
        }

        var target = new byte[targetWidth * targetHeight * channels];
        var sx = (double)width / targetWidth;
        var sy = (double)height / targetHeight;
        Span<double> sum = stackalloc double[4];
        for (var ty = 0; ty < targetHeight; ty++)
        {
            var y0 = ty * sy;
            var y1 = Math.Min(height, y0 + Math.Max(sy, 1));
            for (var tx = 0; tx < targetWidth; tx++)
            {
                var x0 = tx * sx;
                var x1 = Math.Min(width, x0 + Math.Max(sx, 1));
                sum.Clear();
                var total = 0.0;
                for (var y = (int)y0; y < y1; y++)
                {
                    var wy = Math.Min(y + 1, y1) - Math.Max(y, y0);
                    for (var x = (int)x0; x < x1; x++)
                    {
                        var w = wy * (Math.Min(x + 1, x1) - Math.Max(x, x0));
                        var p = ((y * width) + x) * channels;
                        for (var c = 0; c < channels; c++)
                        {
                            sum[c] += source[p + c] * w;
                        }

                        total += w;
                    }
                }

                var t = ((ty * targetWidth) + tx) * channels;
                for (var c = 0; c < channels; c++)
                {
                    target[t + c] = (byte)Math.Clamp(Math.Round(sum[c] / total), 0, 255);
                }
            }
        }

        return target;
    }

    /// <summary>A rectangle of a buffer of <paramref name="channels"/> bytes per pixel.</summary>
    public static byte[] Crop(byte[] source, int width, int channels, int x, int y, int cropWidth, int cropHeight)
    {
        var target = new byte[cropWidth * cropHeight * channels];
        for (var row = 0; row < cropHeight; row++)
        {
            Array.Copy(source, (((y + row) * width) + x) * channels, target, row * cropWidth * channels, cropWidth * channels);
        }

        return target;
    }
}
