using Archive.Seeds;
using Archive.Warc;

namespace Archive.Tests.Warc;

/// <summary>
/// Every input is untrusted: real WARC and WACZ files cut short, or with bytes flipped at random, are read to the
/// end with problems reported, never an exception, and the seed reader turns them into seeds and errors.
/// </summary>
public class DamagedInputTests
{
    private static IEnumerable<TestCaseData> Damages()
    {
        foreach (var file in new[] { "example.warc", "dupes.warc.gz", "example-iana.warc", "lil-projects.warc.gz", "iframetest.wacz", "valid_example_1.wacz" })
        {
            for (var seed = 1; seed <= 12; seed++)
            {
                yield return new TestCaseData(file, seed).SetName($"Damaged {file} #{seed}");
            }
        }
    }

    [TestCaseSource(nameof(Damages))]
    public async Task A_damaged_file_is_read_to_its_end_without_an_exception(string file, int seed)
    {
        var bytes = await File.ReadAllBytesAsync(TestPaths.WarcSample(file));
        var random = new Random(seed);
        bytes = seed % 3 == 0 ? bytes[..random.Next(1, bytes.Length)] : bytes;
        for (var i = 0; i < 1 + seed % 4 * 8; i++)
        {
            bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
        }

        using var dir = new TempDirectory();
        var path = dir.Write(file, bytes);
        if (!file.EndsWith(".wacz", StringComparison.Ordinal))
        {
            try
            {
                _ = WarcReader.Read(new MemoryStream(bytes)).Count();
            }
            catch (Exception e)
            {
                Assert.Fail("the reader threw: " + e);
            }
        }

        IReadOnlyList<SeedLoad> loads = [];
        try
        {
            loads = await new SeedReader().ReadAllAsync(path);
        }
        catch (Exception e)
        {
            Assert.Fail("the seed reader threw: " + e);
        }

        Assert.That(loads.Where(l => l.Error is not null).Select(l => l.Error!.Path), Has.All.EqualTo(path), "every error names the file");
        Assert.That(loads.Select(l => l.Id).Distinct().Count(), Is.EqualTo(loads.Count), "errors and seeds each have an id of their own");
    }
}
