using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Archive.Web;

/// <summary>
/// The tool's one HTTP client, shared by capture (every request the browser makes), media and links, so that a
/// map, a retry rule, a cap or a safety check is written once. It follows redirects itself, resolving each
/// <c>Location</c> in the original URL space and mapping it again for the next request, and keeps the chain.
/// </summary>
public sealed class HttpFetcher : IFetcher, IDisposable
{
    private static readonly HashSet<string> SkippedRequestHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "host", "connection", "content-length", "accept-encoding", "transfer-encoding", "keep-alive", "upgrade", "proxy-connection", "te",
    };

    // Two pools, never one: a pooled connection is reused by host and port alone, so a connection a trusted (mapped)
    // request opened to localhost:8080 would carry a later unmapped request to the same address past the check,
    // which runs only when a connection is made. Each client's connections are made under its own rule.
    private readonly HttpClient trustedClient;
    private readonly HttpClient checkedClient;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> hostSlots = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="time">The clock answers are dated by and Retry-After dates are read against; the system's when null.</param>
    public HttpFetcher(UrlMap map, FetchOptions options, TimeProvider? time = null)
    {
        Map = map;
        Options = options;
        Time = time ?? TimeProvider.System;
        var resolver = new HostResolver(Time);
        trustedClient = Client(options, trusted: true, resolver);
        checkedClient = Client(options, trusted: false, resolver);
    }

    private static HttpClient Client(FetchOptions options, bool trusted, HostResolver resolver) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false, // every connection is made by ConnectAsync under the address policy, never by a proxy's rules
        AutomaticDecompression = DecompressionMethods.All,
        MaxConnectionsPerServer = options.PerHostConcurrency,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = options.RequestTimeout,
        ConnectCallback = (context, token) => ConnectAsync(context, trusted, resolver, token),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public UrlMap Map { get; }

    /// <summary>The run's clock: the stages that date what they fetch (link results, media baselines, captures) read it here.</summary>
    public TimeProvider Time { get; }

    public FetchOptions Options { get; }

    /// <summary>Fetches the request's URL, following redirects and retrying what is worth retrying. Never throws for network trouble.</summary>
    public async Task<FetchResponse> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var redirects = new List<RedirectHop>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { request.Url.AbsoluteUri };
        var current = request;
        while (true)
        {
            var (answer, attempts) = await SendWithRetriesAsync(current, cancellationToken).ConfigureAwait(false);
            if (answer.Failure is not null || !request.FollowRedirects || !IsRedirect(answer.Status))
            {
                return Finish(request.Url, current.Url, redirects, answer, attempts, stopwatch);
            }

            var location = answer.Header("location");
            if (string.IsNullOrWhiteSpace(location) || !WebUrl.TryResolve(current.Url, location, out var next, out _))
            {
                // A redirect without a usable Location is the page's final answer.
                return Finish(request.Url, current.Url, redirects, answer with { Failure = string.IsNullOrWhiteSpace(location) ? null : new FetchFailure(FetchFailureKind.BadRedirect, $"redirect to an invalid Location '{location}'") }, attempts, stopwatch);
            }

            // A server behind a map writes absolute Locations in its own (mapped) space.
            next = WebUrl.WithoutFragment(Map.Unmap(next));
            redirects.Add(new RedirectHop(current.Url, answer.Status!.Value));
            if (!seen.Add(next.AbsoluteUri))
            {
                return Finish(request.Url, next, redirects, answer with { Failure = new FetchFailure(FetchFailureKind.RedirectLoop, $"redirect loop: {next.AbsoluteUri} was already visited") }, attempts, stopwatch);
            }

            if (redirects.Count > Options.MaxRedirects)
            {
                return Finish(request.Url, next, redirects, answer with { Failure = new FetchFailure(FetchFailureKind.TooManyRedirects, $"more than {Options.MaxRedirects} redirects") }, attempts, stopwatch);
            }

            var keepsMethod = answer.Status is 307 or 308 || (current.Method is "GET" or "HEAD");
            current = keepsMethod ? current with { Url = next } : current with { Url = next, Method = "GET", Body = null };
        }
    }

    public void Dispose()
    {
        trustedClient.Dispose();
        checkedClient.Dispose();
        foreach (var slot in hostSlots.Values)
        {
            slot.Dispose();
        }
    }

    private static FetchResponse Finish(Uri requested, Uri final, List<RedirectHop> redirects, Answer answer, int attempts, Stopwatch stopwatch) =>
        new(requested, final, redirects, answer.Status, answer.Headers, answer.Body, answer.Truncated, answer.Failure, attempts, stopwatch.Elapsed);

    private static bool IsRedirect(int? status) => status is 301 or 302 or 303 or 307 or 308;

    private async Task<(Answer Answer, int Attempts)> SendWithRetriesAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var (target, mapped) = Map.Map(request.Url);
        if (!WebUrl.IsHttp(target))
        {
            return (Answer.Failed(FetchFailureKind.Refused, $"'{target.Scheme}:' URLs are never fetched"), 0);
        }

        var trusted = mapped || Options.AllowPrivate;
        if (!trusted && IPAddress.TryParse(target.IdnHost.Trim('[', ']'), out var literal) && !AddressPolicy.IsPublic(literal))
        {
            return (Answer.Failed(FetchFailureKind.Refused, $"{target.Host} is {AddressPolicy.Describe(literal)}; use --allow-private or --map to reach it"), 0);
        }

        var slot = hostSlots.GetOrAdd(target.Authority, _ => new SemaphoreSlim(Options.PerHostConcurrency));
        for (var attempt = 1; ; attempt++)
        {
            Answer answer;
            await slot.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                (answer, var sent) = await SendHedgedAsync(request, target, trusted, request.MaxBodyBytes ?? Options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
                attempt += sent - 1;
            }
            finally
            {
                slot.Release();
            }

            var wait = RetryDelay(answer, attempt);
            if (wait is null || attempt >= Options.MaxAttempts)
            {
                return (answer, attempt);
            }

            await Task.Delay(wait.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>How long to wait before trying again, or null when the answer is final.</summary>
    private TimeSpan? RetryDelay(Answer answer, int attempt)
    {
        if (answer.Failure is { } failure)
        {
            // A request with no complete answer within its whole limit is not sent again: its one retry was the
            // hedge inside that limit (SendHedgedAsync), so a hung page costs one page timeout, not two or three.
            // Resets and refusals are quick and often passing, so they keep every attempt.
            return failure.Kind is FetchFailureKind.ConnectionRefused or FetchFailureKind.ConnectionReset or FetchFailureKind.Other ? Backoff(attempt) : null;
        }

        if (answer.Status is 429 or 503 && RetryAfter(answer) is { } asked)
        {
            return asked <= Options.RetryAfterLimit ? asked : null;
        }

        return answer.Status is 429 or >= 500 ? Backoff(attempt) : null;
    }

    /// <summary>
    /// One attempt within the request's time limit. A GET or HEAD that has heard nothing, not even headers, for
    /// <see cref="FetchOptions.HedgeAfter"/> (a third of the limit, at least 5 s) is sent once more beside the
    /// first (a hedged request: a lost connection or a stalled backend is often fine the second time), and the
    /// first complete answer wins; both end with the limit. Returns how many requests were sent.
    /// </summary>
    private async Task<(Answer Answer, int Sent)> SendHedgedAsync(FetchRequest request, Uri target, bool trusted, long maxBody, CancellationToken cancellationToken)
    {
        var limit = request.Timeout ?? Options.RequestTimeout;
        var hedgeAfter = Options.HedgeDelay(limit);
        if (request.Method is not ("GET" or "HEAD") || hedgeAfter >= limit)
        {
            return (await SendOnceAsync(request, target, trusted, maxBody, limit, null, cancellationToken).ConfigureAwait(false), 1);
        }

        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = SendOnceAsync(request, target, trusted, maxBody, limit, heard, race.Token);
        using (var silence = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            // Real time, as the request's own limit (CancelAfter) is: a test's clock dates answers, it does not time them.
            var quiet = Task.Delay(hedgeAfter, silence.Token);
            var woken = await Task.WhenAny(first, heard.Task, quiet).ConfigureAwait(false);
            await silence.CancelAsync().ConfigureAwait(false);
            if (woken != quiet || cancellationToken.IsCancellationRequested)
            {
                return (await first.ConfigureAwait(false), 1);
            }
        }

        var second = SendOnceAsync(request, target, trusted, maxBody, limit - hedgeAfter, null, race.Token);
        var done = await Task.WhenAny(first, second).ConfigureAwait(false);
        var other = done == first ? second : first;
        var answer = await done.ConfigureAwait(false);
        if (answer.Failure is not null)
        {
            // The first to end failed (a reset, say): the other may still answer within the limit. Of two
            // failures, the first request's is the one reported.
            var later = await other.ConfigureAwait(false);
            return (later.Failure is null ? later : (await first.ConfigureAwait(false)), 2);
        }

        await race.CancelAsync().ConfigureAwait(false);
        try
        {
            await other.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // the loser of the race, ended
        }

        return (answer, 2);
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = Options.Backoff.TotalMilliseconds * Math.Pow(2, attempt - 1);
        return TimeSpan.FromMilliseconds(exponential * (0.75 + (Random.Shared.NextDouble() * 0.5)));
    }

    private TimeSpan? RetryAfter(Answer answer)
    {
        var value = answer.Header("retry-after");
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at - Time.GetUtcNow() is var delta && delta > TimeSpan.Zero ? delta : TimeSpan.Zero
            : null;
    }

    /// <param name="heard">Set once the answer's headers have come.</param>
    private async Task<Answer> SendOnceAsync(FetchRequest request, Uri target, bool trusted, long maxBody, TimeSpan limit, TaskCompletionSource? heard, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        // HTTP/2 where the server offers it (ALPN over TLS), HTTP/1.1 otherwise: many requests to one host share a connection.
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), target) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionOrLower };
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
        }

        var hasAgent = false;
        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
        {
            if (SkippedRequestHeaders.Contains(name) || name.StartsWith(':'))
            {
                continue;
            }

            hasAgent |= name.Equals("user-agent", StringComparison.OrdinalIgnoreCase);
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (!hasAgent)
        {
            message.Headers.TryAddWithoutValidation("User-Agent", Options.UserAgent);
        }

        try
        {
            using var response = await (trusted ? trustedClient : checkedClient).SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            heard?.TrySetResult();
            var headers = FetchResponse.Decoded(response.Headers.Concat(response.Content.Headers).SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v))));
            var (bytes, truncated) = request.Method == "HEAD"
                ? ([], false)
                : await ReadCappedAsync(response.Content, maxBody, timeout.Token).ConfigureAwait(false);
            return new Answer((int)response.StatusCode, headers, bytes, truncated, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Answer.Failed(FetchFailureKind.Timeout, $"no complete answer within {(request.Timeout ?? Options.RequestTimeout).TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or AuthenticationException)
        {
            return Classify(e, target);
        }
    }

    private static async Task<(byte[] Bytes, bool Truncated)> ReadCappedAsync(HttpContent content, long max, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            while (buffer.Length <= max)
            {
                var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer.ToArray(), false);
                }

                buffer.Write(chunk, 0, read);
            }

            // Reading stops at the cap; the rest is never downloaded.
            var bytes = buffer.GetBuffer().AsSpan(0, (int)max).ToArray();
            return (bytes, true);
        }
    }

    private static Answer Classify(Exception e, Uri target)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case RefusedAddressException refused:
                    return Answer.Failed(FetchFailureKind.Refused, refused.Message);
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain } dns:
                    return Answer.Failed(FetchFailureKind.Dns, $"DNS lookup failed for {target.Host}: {dns.Message}");
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return Answer.Failed(FetchFailureKind.ConnectionRefused, $"connection refused by {target.Authority}");
                case SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted }:
                    return Answer.Failed(FetchFailureKind.ConnectionReset, $"connection reset by {target.Authority}");
                case SocketException { SocketErrorCode: SocketError.TimedOut }:
                    return Answer.Failed(FetchFailureKind.Timeout, $"connecting to {target.Authority} timed out");
                case AuthenticationException tls:
                    return Answer.Failed(FetchFailureKind.Tls, $"TLS failure with {target.Host}: {tls.Message}");
            }
        }

        if (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError })
        {
            return Answer.Failed(FetchFailureKind.Dns, $"DNS lookup failed for {target.Host}");
        }

        if (e is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse })
        {
            return Answer.Failed(FetchFailureKind.ConnectionReset, $"{target.Authority} closed the connection without a complete answer");
        }

        return Answer.Failed(FetchFailureKind.Other, e.Message);
    }

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool trusted, HostResolver resolver, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await resolver.ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        var allowed = trusted ? addresses : addresses.Where(AddressPolicy.IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new RefusedAddressException($"{host} resolves to {AddressPolicy.Describe(addresses.FirstOrDefault() ?? IPAddress.Loopback)}; use --allow-private or --map to reach it");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed record Answer(int? Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, bool Truncated, FetchFailure? Failure)
    {
        public static Answer Failed(FetchFailureKind kind, string message) => new(null, [], [], false, new FetchFailure(kind, message));

        public string? Header(string name) => FetchResponse.FindHeader(Headers, name);
    }

    private sealed class RefusedAddressException(string message) : IOException(message);
}

/// <summary>One request for <see cref="HttpFetcher"/>, its URL in the original URL space.</summary>
/// <param name="Headers">Request headers to send (the browser's own, when capture forwards a page's request).</param>
/// <param name="MaxBodyBytes">Overrides the fetcher's body cap for this request.</param>
/// <param name="Timeout">Overrides the fetcher's per-attempt time limit for this request.</param>
public sealed record FetchRequest(
    Uri Url,
    string Method = "GET",
    IReadOnlyDictionary<string, string>? Headers = null,
    byte[]? Body = null,
    bool FollowRedirects = true,
    long? MaxBodyBytes = null,
    TimeSpan? Timeout = null);
