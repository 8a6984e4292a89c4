using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Archive.Capture;

/// <summary>
/// The idle <see cref="BrowserTab"/>s of a run. A tab goes back after a seed only when the seed ended normally,
/// its state was wiped, and it has served fewer than its limit of seeds; otherwise it is closed and a fresh
/// one opened when next needed. As many tabs exist as pages are captured at once.
/// </summary>
internal sealed class TabPool(Func<Task<IBrowser>> browser, Func<BrowserNewContextOptions> contextOptions, int seedsPerTab) : IAsyncDisposable
{
    private readonly ConcurrentBag<BrowserTab> idle = [];
    private int disposed;

    public async Task<BrowserTab> RentAsync()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) == 1, this);
        while (idle.TryTake(out var tab))
        {
            if (tab.Reusable)
            {
                return tab;
            }

            await tab.DisposeAsync().ConfigureAwait(false);
        }

        return await BrowserTab.OpenAsync(await browser().ConfigureAwait(false), contextOptions()).ConfigureAwait(false);
    }

    /// <param name="clean">False when the seed ended abnormally (a time limit, a browser failure): the tab is closed without trying to reuse it.</param>
    public async Task ReturnAsync(BrowserTab tab, bool clean)
    {
        if (clean && ++tab.Seeds < seedsPerTab && Volatile.Read(ref disposed) == 0 && await tab.WipeAsync().ConfigureAwait(false))
        {
            idle.Add(tab);
            return;
        }

        await tab.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref disposed, 1);
        while (idle.TryTake(out var tab))
        {
            await tab.DisposeAsync().ConfigureAwait(false);
        }
    }
}
