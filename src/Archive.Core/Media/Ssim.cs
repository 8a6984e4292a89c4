namespace Archive.Media;

/// <summary>The result of <see cref="Ssim.Compare"/>.</summary>
/// <param name="Mean">The mean structural similarity over all windows, −1..1 (1 = identical).</param>
/// <param name="Damaged">The share of windows whose similarity is below <see cref="Ssim.DamagedBelow"/>: a local edit (an object painted out, a caption burnt in) shows here while the mean stays high.</param>
internal readonly record struct SsimScore(double Mean, double Damaged);

/// <summary>
/// Structural similarity (Wang, Bovik, Sheikh and Simoncelli, 2004) of two grey images of the same size, over
/// 8 × 8 windows moved by 4 pixels, with the paper's constants K1 = 0.01 and K2 = 0.03.
/// </summary>
internal static class Ssim
{
    public const double DamagedBelow = 0.5;
    private const int Window = 8;
    private const int Step = 4;
    private const double C1 = 0.01 * 255 * 0.01 * 255;
    private const double C2 = 0.03 * 255 * 0.03 * 255;

    public static SsimScore Compare(byte[] a, byte[] b, int width, int height)
    {
        if (a.Length != b.Length || a.Length != width * height)
        {
            throw new ArgumentException("SSIM needs two images of the same size.");
        }

        // Images smaller than a window are compared as one window.
        var window = Math.Min(Window, Math.Min(width, height));
        double total = 0;
        int windows = 0, damaged = 0;
        for (var y = 0; y + window <= height; y += Step)
        {
            for (var x = 0; x + window <= width; x += Step)
            {
                long sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
                for (var row = 0; row < window; row++)
                {
                    var p = ((y + row) * width) + x;
                    for (var col = 0; col < window; col++, p++)
                    {
                        int va = a[p], vb = b[p];
                        sa += va;
                        sb += vb;
                        saa += va * va;
                        sbb += vb * vb;
                        sab += va * vb;
                    }
                }

                double n = window * window;
                var ma = sa / n;
                var mb = sb / n;
                var va2 = (saa / n) - (ma * ma);
                var vb2 = (sbb / n) - (mb * mb);
                var cov = (sab / n) - (ma * mb);
                var s = ((2 * ma * mb) + C1) * ((2 * cov) + C2) / (((ma * ma) + (mb * mb) + C1) * (va2 + vb2 + C2));
                total += s;
                windows++;
                if (s < DamagedBelow)
                {
                    damaged++;
                }
            }
        }

        return windows == 0 ? new SsimScore(1, 0) : new SsimScore(total / windows, (double)damaged / windows);
    }
}
