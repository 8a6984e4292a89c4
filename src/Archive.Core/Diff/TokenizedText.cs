namespace Archive.Diff;

/// <summary>A text with its tokens, each token's key interned to an integer so that sequences compare as integers.</summary>
public sealed class TokenizedText
{
    private int[]? bag;
    private ulong[]? shingles;

    internal TokenizedText(string text, Token[] tokens, int[] ids)
    {
        Text = text;
        Tokens = tokens;
        Ids = ids;
    }

    public string Text { get; }

    public Token[] Tokens { get; }

    public int[] Ids { get; }

    public int Count => Ids.Length;

    /// <summary>The text's character 5-shingles (see <see cref="Diff.Shingles"/>), computed once.</summary>
    public ulong[] Shingles => shingles ??= Diff.Shingles.Of(this);

    /// <summary>
    /// The share of tokens two texts have in common regardless of order (Dice over token multisets): a cheap bound
    /// on their diff similarity, used to decide which blocks are worth diffing against which.
    /// </summary>
    public double BagSimilarity(TokenizedText other)
    {
        if (Count + other.Count == 0)
        {
            return 1;
        }

        var a = Bag;
        var b = other.Bag;
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return 2.0 * common / (a.Length + b.Length);
    }

    private int[] Bag
    {
        get
        {
            if (bag is null)
            {
                var sorted = (int[])Ids.Clone();
                Array.Sort(sorted);
                bag = sorted;
            }

            return bag;
        }
    }
}

/// <summary>Tokenizes texts for one comparison, giving equal token keys (and equal token sequences) equal integers.</summary>
internal sealed class TokenInterner
{
    private readonly Dictionary<string, int> tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> sequences = new(StringComparer.Ordinal);

    // Token as written → its key. A page repeats its words many times over (and the live page repeats the archive's),
    // while normalising a non-ASCII token is a call into ICU and a new string: each distinct spelling is normalised once
    // per comparison, and looked up by span, so a repeated token allocates nothing.
    private readonly Dictionary<string, string> keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> keysBySpan;
    private readonly Tokenizer.KeyOf keyOf;

    public TokenInterner()
    {
        keysBySpan = keys.GetAlternateLookup<ReadOnlySpan<char>>();
        keyOf = KeyOf;
    }

    public TokenizedText Tokenize(string text)
    {
        var found = Tokenizer.Tokenize(text, keyOf);
        var ids = new int[found.Length];
        for (var i = 0; i < found.Length; i++)
        {
            ids[i] = Intern(tokens, found[i].Key);
        }

        return new TokenizedText(text, found, ids);
    }

    /// <summary>One integer per distinct token sequence: two texts get the same one exactly when they compare equal.</summary>
    public int SequenceId(TokenizedText text) => Intern(sequences, string.Join('\u0001', text.Ids));

    private string KeyOf(ReadOnlySpan<char> token)
    {
        if (!keysBySpan.TryGetValue(token, out var key))
        {
            key = TextNormalizer.NormalizeToken(token);
            keysBySpan[token] = key;
        }

        return key;
    }

    private static int Intern(Dictionary<string, int> table, string key)
    {
        if (!table.TryGetValue(key, out var id))
        {
            id = table.Count;
            table.Add(key, id);
        }

        return id;
    }
}
