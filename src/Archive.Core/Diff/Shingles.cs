namespace Archive.Diff;

/// <summary>
/// Character 5-shingles of normalised text (white space left out, case folded), hashed to 64 bits: the unit the
/// article locator matches by, and the features of <see cref="Jaccard"/> and <see cref="SimHash"/>. Characters,
/// not words, so that Chinese and English are measured alike.
/// </summary>
internal static class Shingles
{
    public const int Size = 5;

    /// <summary>
    /// The shingles of a tokenized text in order, repeats included, over its token keys (already normalised) run
    /// together without white space; text shorter than a shingle gives one shingle of all of it.
    /// </summary>
    public static ulong[] Of(TokenizedText text)
    {
        var length = 0;
        foreach (var token in text.Tokens)
        {
            length += token.Key.Length;
        }

        if (length == 0)
        {
            return [];
        }

        var chars = length <= 4096 ? stackalloc char[length] : new char[length];
        var at = 0;
        foreach (var token in text.Tokens)
        {
            // A token at a time, not a character: char.ToLowerInvariant calls into ICU for every non-ASCII character
            // (each ideograph of a Chinese page), the span form once per token, and ASCII runs never leave managed code.
            at += token.Key.AsSpan().ToLowerInvariant(chars[at..]);
        }

        if (length < Size)
        {
            return [Hash(chars)];
        }

        var shingles = new ulong[length - Size + 1];
        for (var i = 0; i < shingles.Length; i++)
        {
            shingles[i] = Hash(chars.Slice(i, Size));
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

    private static ulong Hash(ReadOnlySpan<char> chars)
    {
        // FNV-1a, then a SplitMix64 finaliser so that the bits SimHash reads are well mixed.
        var h = 14695981039346656037UL;
        foreach (var c in chars)
        {
            h = (h ^ c) * 1099511628211UL;
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
