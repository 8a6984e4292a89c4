using System.Numerics;

namespace Archive.Diff;

/// <summary>
/// Charikar's SimHash over 5-character shingles: a 64-bit fingerprint in which near-duplicate texts differ in few
/// bits. Content-drift studies report the Hamming distance between fingerprints (≤ 3 of 64 is the usual
/// near-duplicate line); it is reported beside the alignment's own similarity for comparison with them.
/// </summary>
internal static class SimHash
{
    public static ulong Of(IEnumerable<ulong> shingles)
    {
        // Count, per byte position, how often each byte value occurs; the bit counts follow from 8 × 256 cells
        // at the end, instead of 64 additions per shingle.
        var histogram = new int[8 * 256];
        var n = 0;
        foreach (var shingle in shingles)
        {
            for (var b = 0; b < 8; b++)
            {
                histogram[(b << 8) | (int)((shingle >> (8 * b)) & 0xFF)]++;
            }

            n++;
        }

        Span<int> ones = stackalloc int[64];
        for (var b = 0; b < 8; b++)
        {
            for (var value = 1; value < 256; value++)
            {
                var count = histogram[(b << 8) | value];
                if (count == 0)
                {
                    continue;
                }

                for (var bit = 0; bit < 8; bit++)
                {
                    if ((value & (1 << bit)) != 0)
                    {
                        ones[(8 * b) + bit] += count;
                    }
                }
            }
        }

        var fingerprint = 0UL;
        for (var bit = 0; bit < 64; bit++)
        {
            if (2 * ones[bit] > n)
            {
                fingerprint |= 1UL << bit;
            }
        }

        return fingerprint;
    }

    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);
}
