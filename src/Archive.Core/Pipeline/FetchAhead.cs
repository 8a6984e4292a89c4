using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Archive.Capture;

namespace Archive.Pipeline;

/// <summary>
/// Seeds' main documents fetched ahead of the workers that render them; a seed reaches a worker when its fetch
/// ends, in that order. A page that never answers therefore waits out its time limit beside the others from the
/// run's first seconds, holding no worker and no tab, wherever it stands in the seed list. Bounded three ways:
/// <see cref="MaxSeeds"/> seeds fetched or waiting, <see cref="MaxBytes"/> of documents waiting (so memory does not
/// grow with the run), and <see cref="PerHost"/> documents in flight to one host (so a site's own pages never
/// queue the browser's requests to it behind a run's worth of documents).
/// </summary>
/// <param name="fetch">Fetches one document; cancelled only when the run stops.</param>
internal sealed class FetchAhead<T>(Func<Uri, CancellationToken, Task<PageDocument>> fetch) : IDisposable
{
    public const int MaxSeeds = 256;
    public const long MaxBytes = 64L * 1024 * 1024;
    public const int PerHost = 4;

    private readonly SemaphoreSlim room = new(MaxSeeds);
    private readonly SemaphoreSlim taken = new(0);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Channel<(T Item, PageDocument? Document)> ready = Channel.CreateUnbounded<(T, PageDocument?)>();
    private readonly List<Task> fetching = [];
    private long waitingBytes;

    /// <summary>Waits for room, then starts fetching the item's document (none when <paramref name="url"/> is null). One caller at a time.</summary>
    public async Task AddAsync(T item, Uri? url, CancellationToken cancellationToken)
    {
        await room.WaitAsync(cancellationToken).ConfigureAwait(false);
        while (Interlocked.Read(ref waitingBytes) > MaxBytes)
        {
            await taken.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        fetching.RemoveAll(f => f.IsCompleted);
        fetching.Add(FetchAsync(item, url, cancellationToken));
    }

    /// <summary>No more items: the reader ends once every fetch begun has ended.</summary>
    public async Task CompleteAsync()
    {
        try
        {
            await Task.WhenAll(fetching).ConfigureAwait(false);
        }
        finally
        {
            ready.Writer.Complete();
        }
    }

    /// <summary>Items with their documents, as the fetches end; each taken item makes room for another.</summary>
    public async IAsyncEnumerable<(T Item, PageDocument? Document)> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entry in ready.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            Interlocked.Add(ref waitingBytes, -Size(entry.Document));
            room.Release();
            taken.Release();
            yield return entry;
        }
    }

    public void Dispose()
    {
        room.Dispose();
        taken.Dispose();
        foreach (var host in hosts.Values)
        {
            host.Dispose();
        }
    }

    private static long Size(PageDocument? document) => document?.Response.Body.LongLength ?? 0;

    private async Task FetchAsync(T item, Uri? url, CancellationToken cancellationToken)
    {
        PageDocument? document = null;
        try
        {
            if (url is not null)
            {
                var host = hosts.GetOrAdd(url.IdnHost, _ => new SemaphoreSlim(PerHost));
                await host.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    document = await fetch(url, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    host.Release();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the run is stopping; a worker that still takes the item fetches the document itself
        }

        Interlocked.Add(ref waitingBytes, Size(document));
        ready.Writer.TryWrite((item, document));
    }
}
