namespace Archive.Seeds.Formats;

/// <summary>Raised by a format reader for content it cannot accept; the reader turns it into a <see cref="SeedError"/>.</summary>
internal sealed class SeedFormatException(int? line, string message) : Exception(message)
{
    public int? Line { get; } = line;
}
