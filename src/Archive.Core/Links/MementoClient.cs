using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Archive.Web;

namespace Archive.Links;

/// <summary>
/// Asks a Memento TimeGate (RFC 7089) for the archived copy of a URL closest to a moment — the seed's archive
/// time, not merely the latest copy. The TimeGate is sent <c>Accept-Datetime</c>; its answer names the memento in
/// a <c>Location</c> (with <c>Memento-Datetime</c>, or a timestamp in the URL) or in a <c>Link</c> header whose
/// entries carry <c>rel="memento"</c> and a <c>datetime</c>.
/// </summary>
public sealed partial class MementoClient(IFetcher fetcher, Uri timeGate, TimeSpan timeout)
{
    private readonly ConcurrentDictionary<(string, DateTimeOffset), Lazy<Task<Memento?>>> found = new();

    public Task<Memento?> FindAsync(Uri url, DateTimeOffset at, CancellationToken cancellationToken) =>
        found.GetOrAdd((url.AbsoluteUri, at), _ => new Lazy<Task<Memento?>>(() => AskAsync(url, at, cancellationToken))).Value;

    private async Task<Memento?> AskAsync(Uri url, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var request = new FetchRequest(
            new Uri(timeGate.AbsoluteUri + url.AbsoluteUri),
            Headers: new Dictionary<string, string> { ["Accept-Datetime"] = at.UtcDateTime.ToString("R", CultureInfo.InvariantCulture) },
            FollowRedirects: false,
            MaxBodyBytes: 16 * 1024,
            Timeout: timeout);
        var response = await fetcher.FetchAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Failure is not null || response.Status is null or >= 400)
        {
            return null;
        }

        var linked = ParseLinks(response.Header("link"))
            .Where(l => l.Rel.Split(' ').Contains("memento", StringComparer.OrdinalIgnoreCase) && l.Datetime is not null)
            .OrderBy(l => Math.Abs((l.Datetime!.Value - at).Ticks))
            .FirstOrDefault();
        if (linked is not null)
        {
            return new Memento(linked.Url, linked.Datetime);
        }

        var location = response.Header("location") ?? response.Header("content-location");
        if (location is null || !Uri.TryCreate(new Uri(timeGate, "/"), location, out var memento))
        {
            return null;
        }

        var datetime = ParseHttpDate(response.Header("memento-datetime")) ?? TimestampIn(memento.AbsoluteUri);
        return new Memento(memento.AbsoluteUri, datetime);
    }

    internal sealed record LinkEntry(string Url, string Rel, DateTimeOffset? Datetime);

    /// <summary>Entries of an RFC 8288 <c>Link</c> header: <c>&lt;url&gt;; rel="…"; datetime="…"</c>, comma-separated.</summary>
    internal static List<LinkEntry> ParseLinks(string? header)
    {
        var entries = new List<LinkEntry>();
        if (string.IsNullOrEmpty(header))
        {
            return entries;
        }

        foreach (Match entry in LinkEntryPattern().Matches(header))
        {
            var parameters = entry.Groups["params"].Value;
            var rel = ParameterPattern().Matches(parameters).FirstOrDefault(p => p.Groups["name"].Value.Equals("rel", StringComparison.OrdinalIgnoreCase))?.Groups["value"].Value ?? string.Empty;
            var datetime = ParameterPattern().Matches(parameters).FirstOrDefault(p => p.Groups["name"].Value.Equals("datetime", StringComparison.OrdinalIgnoreCase))?.Groups["value"].Value;
            entries.Add(new LinkEntry(entry.Groups["url"].Value, rel, ParseHttpDate(datetime)));
        }

        return entries;
    }

    private static DateTimeOffset? ParseHttpDate(string? value) =>
        value is not null && DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    /// <summary>Wayback-style URLs carry the memento's time as 14 digits: /web/20230920143000/….</summary>
    private static DateTimeOffset? TimestampIn(string url) =>
        WaybackTimestamp().Match(url) is { Success: true } m
        && DateTimeOffset.TryParseExact(m.Groups[1].Value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    [GeneratedRegex("""<(?<url>[^>]*)>(?<params>(?:\s*;\s*[^;,]+?=\s*(?:"[^"]*"|[^;,]*))*)""")]
    private static partial Regex LinkEntryPattern();

    [GeneratedRegex("""(?<name>[A-Za-z-]+)\s*=\s*(?:"(?<value>[^"]*)"|(?<value>[^;,\s]*))""")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex(@"/(\d{14})(?:[a-z_]{0,3})/")]
    private static partial Regex WaybackTimestamp();
}
