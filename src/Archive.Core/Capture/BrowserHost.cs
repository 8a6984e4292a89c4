using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Archive.Capture;

/// <summary>How to get a browser: launch a local Chromium, or connect to a remote one (a Playwright server or CDP).</summary>
/// <param name="ExecutablePath">An explicit Chromium binary (<c>--browser-path</c>); otherwise <see cref="BrowserLocator"/> decides.</param>
/// <param name="Endpoint">A remote browser: <c>ws://</c> for a Playwright server, <c>http(s)://</c> or a <c>/devtools/browser/</c> WebSocket for CDP.</param>
public sealed record BrowserOptions(string? ExecutablePath = null, string? Endpoint = null)
{
    /// <summary>
    /// Flags for a headless Chromium that must not phone home: on a closed network, background services fail
    /// many connections at every start; --no-sandbox because CI runs as root.
    /// </summary>
    public static IReadOnlyList<string> LaunchArguments { get; } =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--mute-audio", "--hide-scrollbars",
    ];

    /// <summary>
    /// Flags that leave a launched Chromium no direct way out (docs/security.md): every connection it would open
    /// itself goes to the dead-end proxy on <paramref name="deadEndPort"/>, loopback included, and WebRTC may use
    /// no UDP that bypasses the proxy.
    /// </summary>
    public static IReadOnlyList<string> IsolationArguments(int deadEndPort) =>
    [
        $"--proxy-server=http://127.0.0.1:{deadEndPort}", "--proxy-bypass-list=<-loopback>",
        "--force-webrtc-ip-handling-policy=disable_non_proxied_udp", "--webrtc-ip-handling-policy=disable_non_proxied_udp",
    ];
}

/// <summary>One browser for a whole run; each seed gets a fresh context inside it.</summary>
public sealed class BrowserHost : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly Socket? deadEnd;

    private BrowserHost(IPlaywright playwright, IBrowser browser, string description, Socket? deadEnd = null)
    {
        this.playwright = playwright;
        this.deadEnd = deadEnd;
        Browser = browser;
        Description = description;
    }

    public IBrowser Browser { get; }

    /// <summary>Which browser this is and how it was found, for logs.</summary>
    public string Description { get; }

    public static async Task<BrowserHost> StartAsync(BrowserOptions options)
    {
        var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        Socket? deadEnd = null;
        try
        {
            if (options.Endpoint is { Length: > 0 } endpoint)
            {
                var cdp = endpoint.StartsWith("http", StringComparison.OrdinalIgnoreCase) || endpoint.Contains("/devtools/browser/", StringComparison.Ordinal);
                var remote = cdp
                    ? await playwright.Chromium.ConnectOverCDPAsync(endpoint).ConfigureAwait(false)
                    : await playwright.Chromium.ConnectAsync(endpoint).ConfigureAwait(false);
                return new BrowserHost(playwright, remote, $"remote browser at {endpoint} ({(cdp ? "CDP" : "Playwright server")})");
            }

            var location = BrowserLocator.Find(options.ExecutablePath)
                ?? throw new BrowserUnavailableException(BrowserLocator.Advice(options.ExecutablePath));
            // Chromium gets no network of its own. Every request a page makes is intercepted and answered by the
            // tool's fetcher (maps, address policy), but Chromium still opens sockets by itself: preconnects for
            // frames, popups, forms and refreshes, WebSockets, WebRTC. All of them are sent to a proxy that is a
            // port bound and never listened on, so each is refused on this machine; "<-loopback>" takes away the
            // proxy's implicit bypass for localhost and 127.0.0.1, which would otherwise be reached directly.
            deadEnd = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            deadEnd.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = location.ExecutablePath,
                Headless = true,
                Args = [.. BrowserOptions.LaunchArguments, .. BrowserOptions.IsolationArguments(((IPEndPoint)deadEnd.LocalEndPoint!).Port)],
                Timeout = 60_000,
            }).ConfigureAwait(false);
            return new BrowserHost(playwright, browser, $"{location.ExecutablePath} (found by {location.FoundBy}, version {browser.Version})", deadEnd);
        }
        catch
        {
            deadEnd?.Dispose();
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Browser.CloseAsync().ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            // A browser that already died has nothing left to close.
        }

        playwright.Dispose();
        deadEnd?.Dispose();
    }
}

/// <summary>No browser could be found or reached; the message says what to install or set.</summary>
public sealed class BrowserUnavailableException(string message) : Exception(message);
