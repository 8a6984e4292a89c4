using Archive.IO;
using Archive.Media;
using Archive.Snapshots;

namespace Archive.Tests.Media;

/// <summary>Baselines: recorded once, read back by URL, bytes verified against their hash.</summary>
public sealed class MediaBaselineTests
{
    [Test]
    public async Task ABaselineIsRecordedOnceAndNeverReplaced()
    {
        using var temp = new TempDirectory();
        var store = new SnapshotStore(temp.Path);
        var bytes = new byte[] { 1, 2, 3 };
        var sha = ContentHash.Of(bytes);
        var at = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
        await store.StoreAsync(sha, bytes, CancellationToken.None);
        await store.RecordAsync("seed", [("https://x.example/a.jpg", new MediaBaselineEntry(sha, at, "jpeg", 4, 3))], CancellationToken.None);
        var other = new byte[] { 9 };
        await store.StoreAsync(ContentHash.Of(other), other, CancellationToken.None);
        await store.RecordAsync("seed", [("https://x.example/a.jpg", new MediaBaselineEntry(ContentHash.Of(other), at.AddDays(1), "jpeg", 1, 1))], CancellationToken.None);

        var read = await store.ReadAsync("seed", CancellationToken.None);
        Assert.That(read["https://x.example/a.jpg"].Sha256, Is.EqualTo(sha));
        Assert.That(await store.BytesAsync(sha, CancellationToken.None), Is.EqualTo(bytes));
    }

    [Test]
    public async Task DamagedBytesAreNotABaseline()
    {
        using var temp = new TempDirectory();
        var store = new SnapshotStore(temp.Path);
        var sha = ContentHash.Of([1, 2, 3]);
        temp.Write(Path.Combine(SnapshotStore.MediaFolder, sha), [1, 2, 4]);
        Assert.That(await store.BytesAsync(sha, CancellationToken.None), Is.Null);
        Assert.That(await store.BytesAsync("../../etc/passwd", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task AnUnreadableBaselineFileIsNamedInTheError()
    {
        using var temp = new TempDirectory();
        var file = temp.Write(Path.Combine("seed", SnapshotStore.MediaBaselineFile), "{ not json");
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => new SnapshotStore(temp.Path).ReadAsync("seed", CancellationToken.None));
        Assert.That(error!.Message, Does.Contain(file));
    }
}
