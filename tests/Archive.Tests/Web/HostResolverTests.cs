using System.Net;
using System.Net.Sockets;
using Archive.Web;
using Microsoft.Extensions.Time.Testing;

namespace Archive.Tests.Web;

public sealed class HostResolverTests
{
    private static readonly IPAddress[] Address = [IPAddress.Parse("93.184.215.14")];

    [Test]
    public async Task ConcurrentLookupsOfOneHostAskOnce()
    {
        var asked = 0;
        var answer = new TaskCompletionSource<IPAddress[]>();
        var resolver = new HostResolver(new FakeTimeProvider(), _ => { Interlocked.Increment(ref asked); return answer.Task; });

        var waiting = Enumerable.Range(0, 20).Select(_ => resolver.ResolveAsync("img.example.com", CancellationToken.None)).ToList();
        answer.SetResult(Address);
        var results = await Task.WhenAll(waiting);

        Assert.That(asked, Is.EqualTo(1));
        Assert.That(results, Has.All.EqualTo(Address));
    }

    [Test]
    public async Task AnAnswerIsReusedForAMinuteThenAskedAgain()
    {
        var asked = 0;
        var time = new FakeTimeProvider();
        var resolver = new HostResolver(time, _ => { asked++; return Task.FromResult(Address); });

        await resolver.ResolveAsync("Example.COM", CancellationToken.None);
        time.Advance(HostResolver.Reuse - TimeSpan.FromSeconds(1));
        await resolver.ResolveAsync("example.com.", CancellationToken.None);
        Assert.That(asked, Is.EqualTo(1), "the same name in another case or with its root dot is the same host");

        time.Advance(TimeSpan.FromSeconds(2));
        await resolver.ResolveAsync("example.com", CancellationToken.None);
        Assert.That(asked, Is.EqualTo(2));
    }

    [Test]
    public async Task ANameThatDoesNotExistIsRememberedAResolverThatFailedIsAskedAgain()
    {
        var asked = new Dictionary<string, int>();
        var resolver = new HostResolver(new FakeTimeProvider(), name =>
        {
            asked[name] = asked.GetValueOrDefault(name) + 1;
            var error = name.StartsWith("gone", StringComparison.Ordinal) ? SocketError.HostNotFound : SocketError.TryAgain;
            return Task.FromException<IPAddress[]>(new SocketException((int)error));
        });

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<SocketException>(() => resolver.ResolveAsync("gone.example.com", CancellationToken.None));
            await Assert.ThrowsAsync<SocketException>(() => resolver.ResolveAsync("flaky.example.com", CancellationToken.None));
        }

        Assert.That(asked["gone.example.com"], Is.EqualTo(1));
        Assert.That(asked["flaky.example.com"], Is.EqualTo(3));
    }

    [Test]
    public async Task OneCallerGivingUpLeavesTheLookupToTheOthers()
    {
        var answer = new TaskCompletionSource<IPAddress[]>();
        var resolver = new HostResolver(new FakeTimeProvider(), _ => answer.Task);
        using var impatient = new CancellationTokenSource();

        var first = resolver.ResolveAsync("example.com", impatient.Token);
        var second = resolver.ResolveAsync("example.com", CancellationToken.None);
        await impatient.CancelAsync();
        answer.SetResult(Address);

        await Assert.ThrowsAsync<TaskCanceledException>(() => first);
        Assert.That(await second, Is.EqualTo(Address));
    }

    [Test]
    public async Task LiteralsAndInvalidNamesNeverReachTheResolver()
    {
        var resolver = new HostResolver(new FakeTimeProvider(), _ => throw new AssertionException("no query expected"));
        Assert.That(await resolver.ResolveAsync("[::1]", CancellationToken.None), Is.EqualTo(new[] { IPAddress.IPv6Loopback }));
        await Assert.ThrowsAsync<SocketException>(() => resolver.ResolveAsync("example.invalid", CancellationToken.None));
    }
}
