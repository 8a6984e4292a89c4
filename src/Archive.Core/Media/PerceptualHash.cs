namespace Archive.Media;

/// <summary>
/// The 64-bit DCT perceptual hash (pHash): the grey image shrunk to 32 × 32, its 2-D discrete cosine transform,
/// and one bit per low-frequency coefficient of the top-left 8 × 8 block (the DC term left out of the median),
/// set when the coefficient is above the median. Resizing, re-encoding and small colour shifts keep it within a
/// few bits; a different picture lands about 32 bits away.
/// </summary>
internal static class PerceptualHash
{
    private const int Size = 32;
    private const int Low = 8;
    private static readonly double[] Cosines = BuildCosines();

    public static ulong Of(byte[] grey, int width, int height)
    {
        var small = Pixels.Resample(grey, width, height, 1, Size, Size);

        // Separable DCT-II, rows then columns, keeping only the 8 × 8 low frequencies.
        var rows = new double[Size * Low];
        for (var y = 0; y < Size; y++)
        {
            for (var u = 0; u < Low; u++)
            {
                var sum = 0.0;
                for (var x = 0; x < Size; x++)
                {
                    sum += small[(y * Size) + x] * Cosines[(u * Size) + x];
                }

                rows[(y * Low) + u] = sum;
            }
        }

        Span<double> coefficients = stackalloc double[Low * Low];
        for (var v = 0; v < Low; v++)
        {
            for (var u = 0; u < Low; u++)
            {
                var sum = 0.0;
                for (var y = 0; y < Size; y++)
                {
                    sum += rows[(y * Low) + u] * Cosines[(v * Size) + y];
                }

                coefficients[(v * Low) + u] = sum;
            }
        }

        Span<double> sorted = stackalloc double[(Low * Low) - 1];
        coefficients[1..].CopyTo(sorted);
        sorted.Sort();
        var median = (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        ulong hash = 0;
        for (var i = 0; i < Low * Low; i++)
        {
            if (coefficients[i] > median)
            {
                hash |= 1UL << i;
            }
        }

        return hash;
    }

    public static int Distance(ulong a, ulong b) => System.Numerics.BitOperations.PopCount(a ^ b);

    private static double[] BuildCosines()
    {
        var table = new double[Low * Size];
        for (var u = 0; u < Low; u++)
        {
            for (var x = 0; x < Size; x++)
            {
                table[(u * Size) + x] = Math.Cos((2 * x + 1) * u * Math.PI / (2 * Size));
            }
        }

        return table;
    }
}
