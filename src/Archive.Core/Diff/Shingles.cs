namespace Archive.Diff;

/// <summary>
/// Character 5-shingles of normalised text (white space left out, case folded), hashed to 64 bits: the unit the
/// article locator matches by, and the features of <see cref="Jaccard"/> and <see cref="SimHash"/>. Characters,
/// not words, so that Chinese and English are measured alike.
/// </summary>
public static class Shingles
{
    public const int Size = 5;

    /// <summary>The shingles of <paramref name="text"/> in order, repeats included; text shorter than a shingle gives one shingle of all of it.</summary>
    public static List<ulong> Of(string text)
    {
        var chars = new List<char>(text.Length);
        foreach (var c in TextNormalizer.Normalize(text))
        {
            if (!char.IsWhiteSpace(c))
            {
                chars.Add(char.ToLowerInvariant(c));
            }
        }

        var shingles = new List<ulong>(Math.Max(1, chars.Count - Size + 1));
        if (chars.Count == 0)
        {
            return shingles;
        }

        if (chars.Count < Size)
        {
            shingles.Add(Hash(chars, 0, chars.Count));
            return shingles;
        }

        for (var i = 0; i + Size <= chars.Count; i++)
        {
            shingles.Add(Hash(chars, i, Size));
        }

        return shingles;
    }

    /// <summary>Jaccard similarity of two shingle sets: |A ∩ B| / |A ∪ B|, 1 when both are empty.</summary>
    public static double Jaccard(IReadOnlySet<ulong> a, IReadOnlySet<ulong> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var common = small.Count(large.Contains);
        return (double)common / (a.Count + b.Count - common);
    }

    private static ulong Hash(List<char> chars, int start, int length)
    {
        // FNV-1a, then a SplitMix64 finaliser so that the bits SimHash reads are well mixed.
        var h = 14695981039346656037UL;
        for (var i = start; i < start + length; i++)
        {
            h = (h ^ chars[i]) * 1099511628211UL;
        }

        return Mix(h);
    }

    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
