using Archive.Web;

namespace Archive.Seeds.Formats;

/// <summary>Checks that a seed's source URL is one the tool can and may fetch.</summary>
internal static class SourceUrl
{
    public static Uri Parse(string text, int? line)
    {
        if (!WebUrl.TryParseAbsolute(text, out var url, out var problem))
        {
            throw new SeedFormatException(line, "source " + problem);
        }

        if (!WebUrl.IsHttp(url))
        {
            throw new SeedFormatException(line, $"source URL scheme '{url.Scheme}' is not supported: only http and https pages can be checked");
        }

        return url;
    }
}
