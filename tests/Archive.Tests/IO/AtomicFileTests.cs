using Archive.IO;
using Archive.Report;
using Archive.TestSite;

namespace Archive.Tests.IO;

public sealed class AtomicFileTests
{
    [Test]
    public async Task AStreamedWriteReplacesTheFileAndLeavesNothingElse()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("report.json", "old");
        await AtomicFile.WriteAsync(path, (stream, token) => stream.WriteAsync("new"u8.ToArray(), token).AsTask());
        Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo("new"));
        Assert.That(Directory.GetFiles(temp.Path), Is.EqualTo(new[] { path }), "no temporary file left behind");
    }

    [Test]
    public async Task AWriteThatFailsHalfWayLeavesTheOldFileWhole()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("report.json", "old");
        await Assert.ThrowsAsync<IOException>(() => AtomicFile.WriteAsync(path, async (stream, token) =>
        {
            await stream.WriteAsync("half of the ne"u8.ToArray(), token);
            throw new IOException("disk full");
        }));
        Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo("old"));
        Assert.That(Directory.GetFiles(temp.Path), Is.EqualTo(new[] { path }), "the partial temporary file is removed");
    }

    [Test]
    public async Task TheStreamedJsonReportIsTheSerializedReport()
    {
        using var temp = new TempDirectory();
        var path = System.IO.Path.Combine(temp.Path, "out", "report.json");
        var report = SampleReports.EveryShape();
        await JsonReport.WriteAsync(path, report, CancellationToken.None);
        Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo(JsonReport.Serialize(report) + "\n"));
    }
}
