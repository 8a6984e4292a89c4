using System.Text.Json;

namespace Archive.IO;

/// <summary>Reads a small JSON file a person wrote (comments and trailing commas allowed), with its problems in words that name the file.</summary>
internal static class JsonFile
{
    /// <param name="tooLarge">Why a file over <paramref name="maxBytes"/> is refused, said to the user.</param>
    /// <param name="fail">Makes the exception the caller's readers expect from a message.</param>
    public static JsonDocument Parse(string path, long maxBytes, string tooLarge, Func<string, Exception> fail)
    {
        try
        {
            if (new FileInfo(path) is { Exists: true } info && info.Length > maxBytes)
            {
                throw fail($"{path}: {tooLarge}");
            }

            return JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw fail($"{path}: cannot be read: {e.Message}");
        }
        catch (JsonException e)
        {
            throw fail($"{path}: not valid JSON: {e.Message}");
        }
    }
}
