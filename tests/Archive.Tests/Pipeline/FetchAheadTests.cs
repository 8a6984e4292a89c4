using System.Collections.Concurrent;
using Archive.Capture;
using Archive.Pipeline;
using Archive.Web;

namespace Archive.Tests.Pipeline;

/// <summary>Documents fetched ahead reach the workers as their fetches end, within the bounds on seeds, bytes and hosts.</summary>
public sealed class FetchAheadTests
{
    [Test]
    public async Task ADocumentStillFetchingHoldsBackNoneOfTheOthers()
    {
        var hung = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var ahead = new FetchAhead<int>(async (url, token) =>
        {
            if (url.AbsolutePath == "/0")
            {
                await hung.Task.WaitAsync(token);
            }

            return Document(url, 10);
        });
        var producer = Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await ahead.AddAsync(i, new Uri($"https://a{i}.example/{i}"), CancellationToken.None);
            }

            await ahead.AddAsync(5, null, CancellationToken.None);
            await ahead.CompleteAsync();
        });

        var order = new List<int>();
        await foreach (var (item, document) in ahead.ReadAllAsync(CancellationToken.None))
        {
            order.Add(item);
            Assert.That(document is null, Is.EqualTo(item == 5), "an item without a URL comes with no document");
            if (order.Count == 5)
            {
                hung.SetResult(); // every other item came out while the first was still fetching
            }
        }

        await producer;
        Assert.That((order.Count, order[^1]), Is.EqualTo((6, 0)));
    }

    [Test]
    public async Task NoMoreThanFourDocumentsOfOneHostAreFetchedAtOnce()
    {
        var inFlight = new ConcurrentDictionary<string, int>();
        var most = 0;
        using var ahead = new FetchAhead<int>(async (url, token) =>
        {
            var now = inFlight.AddOrUpdate(url.Host, 1, (_, n) => n + 1);
            InterlockedMax(ref most, now);
            await Task.Delay(20, token);
            inFlight.AddOrUpdate(url.Host, 0, (_, n) => n - 1);
            return Document(url, 10);
        });
        var producer = Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                await ahead.AddAsync(i, new Uri($"https://{(i % 2 == 0 ? "one" : "two")}.example/{i}"), CancellationToken.None);
            }

            await ahead.CompleteAsync();
        });

        var count = 0;
        await foreach (var _ in ahead.ReadAllAsync(CancellationToken.None))
        {
            count++;
        }

        await producer;
        Assert.That((count, most), Is.EqualTo((40, FetchAhead<int>.PerHost)));
    }

    [Test]
    public async Task DocumentsWaitingForAWorkerAreBoundedInBytes()
    {
        using var ahead = new FetchAhead<int>((url, _) => Task.FromResult(Document(url, 40 * 1024 * 1024)));
        var started = 0;
        var producer = Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await ahead.AddAsync(i, new Uri($"https://a{i}.example/"), CancellationToken.None);
                Interlocked.Increment(ref started);
            }

            await ahead.CompleteAsync();
        });

        // Nobody reads yet: the second 40 MB document passes the 64 MB budget, so the third waits for one to be taken.
        var until = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref started) < 2 && DateTime.UtcNow < until)
        {
            await Task.Delay(10);
        }

        await Task.Delay(200);
        Assert.That(Volatile.Read(ref started), Is.EqualTo(2), "the budget is checked before each fetch starts");
        var count = 0;
        await foreach (var _ in ahead.ReadAllAsync(CancellationToken.None))
        {
            count++;
        }

        await producer;
        Assert.That(count, Is.EqualTo(10));
    }

    private static PageDocument Document(Uri url, int bytes) =>
        new(url, new FetchResponse(url, url, [], 200, [], new byte[bytes], false, null, 1, TimeSpan.Zero), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, TimeSpan.Zero);

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
