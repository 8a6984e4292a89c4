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
        await new ReportPaths(path, null, null, null).WriteAsync(report, null, CancellationToken.None);
        Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo(JsonReport.Serialize(report) + "\n"));
    }

    [Test]
    public async Task AFifoIsWrittenIntoNotRenamedOver()
    {
        using var temp = new TempDirectory();
        var fifo = System.IO.Path.Combine(temp.Path, "pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
        }

        var reader = Task.Run(() => File.ReadAllText(fifo));
        await AtomicFile.WriteAllTextAsync(fifo, "through the pipe");
        Assert.That(await reader.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo("through the pipe"));
        Assert.That(FileKinds.Of(fifo), Is.EqualTo(FileKind.Special), "still a FIFO");
        Assert.That(Directory.GetFileSystemEntries(temp.Path), Is.EqualTo(new[] { fifo }));
    }

    [Test]
    public async Task ASymbolicLinkKeepsPointingAtItsTargetWhichIsReplaced()
    {
        using var temp = new TempDirectory();
        var target = temp.Write("real.json", "old");
        var link = System.IO.Path.Combine(temp.Path, "link.json");
        File.CreateSymbolicLink(link, target);
        await AtomicFile.WriteAllTextAsync(link, "new");
        Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(target), "the link is still a link");
        Assert.That(await File.ReadAllTextAsync(target), Is.EqualTo("new"));
    }

    [Test]
    public async Task DevicesAndFoldersAreToldFromFiles()
    {
        using var temp = new TempDirectory();
        Assert.Multiple(() =>
        {
            Assert.That(FileKinds.Of("/dev/null"), Is.EqualTo(FileKind.Special));
            Assert.That(FileKinds.Of(temp.Write("plain.txt", "x")), Is.EqualTo(FileKind.Regular));
            Assert.That(FileKinds.Of(temp.Path), Is.EqualTo(FileKind.Directory));
            Assert.That(FileKinds.Of(System.IO.Path.Combine(temp.Path, "nothing")), Is.EqualTo(FileKind.Missing));
        });
        await Assert.ThrowsAsync<IOException>(() => AtomicFile.WriteAllTextAsync(temp.Path, "x"));
    }

    [Test]
    public async Task WritingToDevNullLeavesItADevice()
    {
        await AtomicFile.WriteAllTextAsync("/dev/null", "discarded");
        Assert.That(FileKinds.Of("/dev/null"), Is.EqualTo(FileKind.Special));
    }

    [Test]
    public void AFolderThatIsAFileOrUnderOneIsNamedInOneSentence()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("snapshots", "x");
        Assert.That(WritableFolder.Problem(file, "snapshots"), Is.EqualTo($"the snapshots folder '{file}' is a file, not a folder"));
        var under = System.IO.Path.Combine(file, "deeper");
        Assert.That(WritableFolder.Problem(under, "reports"), Is.EqualTo($"the reports folder '{under}' cannot be made: '{file}' is a file, not a folder"));
        Assert.That(WritableFolder.Problem(System.IO.Path.Combine(temp.Path, "new", "folder"), "reports"), Is.Null);
        Assert.That(Directory.GetFileSystemEntries(System.IO.Path.Combine(temp.Path, "new", "folder")), Is.Empty, "the probe leaves nothing");
    }
}
