using System.Numerics;

namespace Archive.Diff;

/// <summary>
/// Charikar's SimHash over 5-character shingles: a 64-bit fingerprint in which near-duplicate texts differ in few
/// bits. Content-drift studies report the Hamming distance between fingerprints (≤ 3 of 64 is the usual
/// near-duplicate line); it is reported beside the alignment's own similarity for comparison with them.
/// </summary>
public static class SimHash
{
    public static ulong Of(IEnumerable<ulong> shingles)
    {
        Span<int> weights = stackalloc int[64];
        foreach (var shingle in shingles)
        {
            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += ((shingle >> bit) & 1) == 1 ? 1 : -1;
            }
        }

        var fingerprint = 0UL;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                fingerprint |= 1UL << bit;
            }
        }

        return fingerprint;
    }

    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);
}
