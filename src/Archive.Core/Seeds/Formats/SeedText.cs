namespace Archive.Seeds.Formats;

/// <summary>A seed file's decoded text (BOM removed, line endings made LF) and the facts a format reader may need.</summary>
/// <param name="Now">The reader's clock, for what cannot be an archive time (the future).</param>
internal sealed record SeedText(string Path, string Text, DateTimeOffset LastModified, SeedReaderOptions Options, DateTimeOffset Now)
{
    private string[]? lines;

    /// <summary>The text's lines, split once however many formats look at them.</summary>
    public string[] Lines => lines ??= Text.Split('\n');

    /// <summary>The 1-based line on which the character at <paramref name="offset"/> stands.</summary>
    public int LineAt(int offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < Text.Length; i++)
        {
            if (Text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }
}
