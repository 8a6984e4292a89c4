using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Archive.Web;

/// <summary>
/// Resolves host names for the fetcher, answering what the standards settle without asking a DNS server, and asking
/// once per host for many requests. A page asks for dozens of resources from the same few hosts at once; each lookup
/// of its own costs a resolver round trip, and concurrent lookups of one name are where a lost UDP answer stalls
/// the system resolver for its full retry time (5 s by default): measured on a real news page, a handful of its 58
/// requests waited 5 s each for an answer the others had in 1 ms, which held its load event past 20 s.
/// </summary>
/// <param name="lookup">The system resolver; replaced in tests.</param>
internal sealed class HostResolver(TimeProvider time, Func<string, Task<IPAddress[]>>? lookup = null)
{
    private readonly Func<string, Task<IPAddress[]>> query = lookup ?? (name => Dns.GetHostAddressesAsync(name, CancellationToken.None));

    /// <summary>How long an answer is reused: short next to a DNS record's usual lifetime, long next to one run over a site.</summary>
    public static readonly TimeSpan Reuse = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, Lookup> lookups = new(StringComparer.OrdinalIgnoreCase);

    // Lazy, because ConcurrentDictionary may run an add or update factory on several racing threads and keep one
    // result: the factory only builds the Lazy, and only the Lazy that was kept ever asks the resolver.
    private sealed record Lookup(Lazy<Task<IPAddress[]>> Query, DateTimeOffset Started)
    {
        public Task<IPAddress[]> Answer => Query.Value;
    }

    public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return [literal];
        }

        // RFC 6761: names under .invalid never resolve, so no query is sent for them.
        var name = host.TrimEnd('.');
        if (name.Equals("invalid", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase))
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        var now = time.GetUtcNow();
        var shared = lookups.AddOrUpdate(
            name,
            _ => Start(name, now),
            (_, old) => now - old.Started < Reuse && !IsTransientFailure(old) ? old : Start(name, now));

        // One caller giving up (its seed's time ran out) does not cancel the lookup the others wait for.
        return await shared.Answer.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    // The lookup itself is never cancelled: it is shared, and the system resolver bounds it.
    private Lookup Start(string name, DateTimeOffset now) => new(new Lazy<Task<IPAddress[]>>(() => query(name), LazyThreadSafetyMode.ExecutionAndPublication), now);

    /// <summary>A name that does not exist is a fact worth reusing; a resolver that could not answer this time is not.</summary>
    private static bool IsTransientFailure(Lookup lookup) =>
        lookup.Query.IsValueCreated
        && lookup.Answer.IsFaulted
        && lookup.Answer.Exception?.InnerException is not SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData };
}
