using System.Collections.Concurrent;
using Archive.Web;

namespace Archive.Links;

/// <summary>How a host answers for a page that certainly does not exist.</summary>
internal sealed record ProbeAnswer(FetchResponse Response, ResponsePage? Page)
{
    /// <summary>Whether the host answers a non-existent page as if it existed (a 2xx, possibly after redirects).</summary>
    public bool AnswersEverything => Response.Failure is null && Response.Status is >= 200 and < 300;
}

/// <summary>
/// Soft-404 signal (c), the random-path probe: fetch a random path that cannot exist on the same host and in the
/// same directory, once per run and directory, and compare the link's answer with it. A server that answers every
/// path with the same 200 page, or redirects every unknown path to the same place, gives itself away.
/// </summary>
internal sealed class MissingPageProbe(IFetcher fetcher, LinkOptions options)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ProbeAnswer>>> probes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> directoriesPerHost = new(StringComparer.Ordinal);
    private readonly string token = "archive-probe-" + Guid.NewGuid().ToString("N")[..16];

    public Task<ProbeAnswer> ForAsync(Uri url, CancellationToken cancellationToken)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        var path = url.AbsolutePath;
        var directory = path[..(path.LastIndexOf('/') + 1)];
        var key = origin + directory;
        if (!probes.ContainsKey(key) && directory != "/" && directoriesPerHost.AddOrUpdate(origin, 1, (_, n) => n + 1) > options.ProbesPerHost)
        {
            key = origin + "/"; // enough directories of this host probed: its root stands for the rest
            directory = "/";
        }

        var probeUrl = new Uri(origin + directory + token);
        return probes.GetOrAdd(key, _ => new Lazy<Task<ProbeAnswer>>(() => ProbeAsync(probeUrl, cancellationToken))).Value;
    }

    private async Task<ProbeAnswer> ProbeAsync(Uri url, CancellationToken cancellationToken)
    {
        var response = await fetcher.FetchAsync(new FetchRequest(url, MaxBodyBytes: options.MaxBodyBytes, Timeout: options.RequestTimeout), cancellationToken).ConfigureAwait(false);
        return new ProbeAnswer(response, response.Status is >= 200 and < 300 ? ResponsePage.Read(response) : null);
    }
}
