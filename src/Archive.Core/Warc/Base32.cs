namespace Archive.Warc;

/// <summary>RFC 4648 §6 base32, the encoding WARC digests are customarily written in.</summary>
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var text = new System.Text.StringBuilder((bytes.Length + 4) / 5 * 8);
        for (var i = 0; i < bytes.Length; i += 5)
        {
            var group = bytes.Slice(i, Math.Min(5, bytes.Length - i));
            ulong bits = 0;
            for (var j = 0; j < 5; j++)
            {
                bits = (bits << 8) | (j < group.Length ? group[j] : 0u);
            }

            var chars = (group.Length * 8 + 4) / 5;
            for (var j = 0; j < 8; j++)
            {
                text.Append(j < chars ? Alphabet[(int)((bits >> (35 - j * 5)) & 31)] : '=');
            }
        }

        return text.ToString();
    }
}
