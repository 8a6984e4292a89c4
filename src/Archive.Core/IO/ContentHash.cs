using System.Security.Cryptography;
using System.Text;

namespace Archive.IO;

/// <summary>SHA-256 as lower-case hex: the one way files, texts and run keys are named by their content.</summary>
public static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));
}
