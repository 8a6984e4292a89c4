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
}

/// <summary>One browser for a whole run; each seed gets a fresh context inside it.</summary>
public sealed class BrowserHost : IAsyncDisposable
{
    private readonly IPlaywright playwright;

    private BrowserHost(IPlaywright playwright, IBrowser browser, string description)
    {
        this.playwright = playwright;
        Browser = browser;
        Description = description;
    }

    public IBrowser Browser { get; }

    /// <summary>Which browser this is and how it was found, for logs.</summary>
    public string Description { get; }

    public static async Task<BrowserHost> StartAsync(BrowserOptions options)
    {
        var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
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
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = location.ExecutablePath,
                Headless = true,
                Args = BrowserOptions.LaunchArguments,
                Timeout = 60_000,
            }).ConfigureAwait(false);
            return new BrowserHost(playwright, browser, $"{location.ExecutablePath} (found by {location.FoundBy}, version {browser.Version})");
        }
        catch
        {
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
    }
}

/// <summary>No browser could be found or reached; the message says what to install or set.</summary>
public sealed class BrowserUnavailableException(string message) : Exception(message);
