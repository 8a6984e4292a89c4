using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Archive.Pipeline;

/// <summary>
/// One of N parts of a run (<c>--shard I/N</c>): a seed belongs to part 1 + (SHA-256 of its id mod N), so every
/// seed is in exactly one part, the same one on every machine and every night, whatever else is in the folder.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public bool Contains(string seedId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seedId));
        return (int)(BitConverter.ToUInt64(hash, 0) % (ulong)Count) + 1 == Index;
    }

    public static bool TryParse(string? text, out Shard shard, out string problem)
    {
        shard = new Shard(1, 1);
        problem = string.Empty;
        var parts = text?.Split('/') ?? [];
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            problem = $"'{text}' is not I/N (for example 2/3)";
            return false;
        }

        if (count < 1 || count > 10_000 || index < 1 || index > count)
        {
            problem = $"'{text}': I must be from 1 to N, and N from 1 to 10000";
            return false;
        }

        shard = new Shard(index, count);
        return true;
    }

    public override string ToString() => $"{Index}/{Count}";
}
