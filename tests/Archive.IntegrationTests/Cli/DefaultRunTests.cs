using System.Diagnostics;
using System.Text.Json;
using Archive.Capture;
using Archive.IntegrationTests.Fixtures;
using Archive.Report.Html;
using Archive.TestSite;

namespace Archive.IntegrationTests.Cli;

/// <summary>
/// The run a new user makes: <c>./archive check</c> from a plain working directory holding <c>seeds/</c>, with no
/// path option at all, so every folder is the default relative one. The site has the drift a first real night
/// brings: an edited paragraph, a swapped picture, a dead page, a dead link, and a seed file whose name is no id.
/// </summary>
[NonParallelizable]
public sealed class DefaultRunTests
{
    private static readonly byte[] Picture = GeneratedImages.Jpeg(11, 1280, 720);
    private static readonly byte[] OtherPicture = GeneratedImages.Jpeg(12, 1280, 720);

    private LiveSite site = null!;
    private string work = null!;

    [OneTimeSetUp]
    public async Task StartSite()
    {
        Harness.RequireBrowser();
        site = await LiveSite.StartAsync();
        work = Directory.CreateTempSubdirectory("archive-default-").FullName;
        var seeds = Path.Combine(work, "seeds");

        site.Html("/same", Pages.Article("Same", Pages.Paragraphs));
        Pages.Seed(seeds, "same", LiveSite.Public("/same"), Pages.Body(Pages.Paragraphs), "Same");

        var edited = Pages.Paragraphs.ToArray();
        edited[1] = "王毅上周末与美国国务卿在日内瓦举行会谈后，于周二抵达俄罗斯。";
        site.Html("/edited", Pages.Article("Edited", edited));
        Pages.Seed(seeds, "edited", LiveSite.Public("/edited"), Pages.Body(Pages.Paragraphs), "Edited");

        // The picture at the same place is another one now: the media stage writes a pixel diff into the snapshot.
        site.Bytes("/img/lead.jpg", "image/jpeg", Picture);
        site.Bytes("/img/lead-800x450.jpg", "image/jpeg", GeneratedImages.Reencode(OtherPicture, 80, 0.625));
        site.Html("/picture", Pages.Article("Picture", Pages.Paragraphs, [LiveSite.Public("/img/lead-800x450.jpg").AbsoluteUri]));
        Pages.Seed(seeds, "picture", LiveSite.Public("/picture"), Pages.Body(Pages.Paragraphs, [LiveSite.Public("/img/lead.jpg").AbsoluteUri]), "Picture");

        Pages.Seed(seeds, "gone", LiveSite.Public("/gone"), Pages.Body(Pages.Paragraphs), "Gone");

        var linked = Pages.Paragraphs.Append("更多").ToArray();
        site.Html("/linked", Pages.Article("Linked", linked).Replace("<p>更多</p>", $"<p><a href=\"{LiveSite.Public("/no-such-page").AbsoluteUri}\">更多</a></p>", StringComparison.Ordinal));
        Pages.Seed(seeds, "linked", LiveSite.Public("/linked"), Pages.Body(Pages.Paragraphs) + $"<p><a href=\"{LiveSite.Public("/no-such-page").AbsoluteUri}\">更多</a></p>", "Linked");

        // '...txt' gives the id '..': refused by name, never a folder above the snapshots. (A folder's hidden
        // files are not seeds, so it is named on the command line.)
        File.Copy(Path.Combine(seeds, "same.txt"), Path.Combine(work, "...txt"));
    }

    [OneTimeTearDown]
    public Task StopSite() => Harness.CleanUpAsync(site, work);

    [Test]
    public async Task TheDefaultRunOnDriftExitsOneWithAllFourReports()
    {
        var (exit, output, error) = await Archive(work, "check", "--map", site.Map, "--no-memento");
        Assert.That(exit, Is.EqualTo(1), $"drift breaks the default policy\n{output}\n{error}");

        var reports = Path.Combine(work, "reports", "latest");
        foreach (var file in new[] { "index.html", "report.json", "junit.xml", "summary.md" })
        {
            Assert.That(File.Exists(Path.Combine(reports, file)), Is.True, $"{file} in reports/latest under the working directory");
        }

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(reports, "report.json")));
        Assert.That(ReportSchema.Errors(report.RootElement), Is.Empty, "the report validates strictly");
        var byId = report.RootElement.GetProperty("seeds").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        Assert.Multiple(() =>
        {
            Assert.That(byId["same"].GetProperty("status").GetString(), Is.EqualTo("unchanged"));
            Assert.That(byId["edited"].GetProperty("status").GetString(), Is.EqualTo("changed"));
            Assert.That(byId["picture"].GetProperty("status").GetString(), Is.EqualTo("changed"));
            Assert.That(byId["gone"].GetProperty("status").GetString(), Is.EqualTo("dead"));
            Assert.That(byId["linked"].GetProperty("links").EnumerateArray().Select(l => l.GetProperty("status").GetString()), Does.Contain("dead"));
        });

        // The pixel diff landed inside the seed's own snapshot, under the relative default folder.
        var diffs = Directory.GetFiles(Path.Combine(work, "snapshots", "picture"), "*-diff.png", SearchOption.AllDirectories);
        Assert.That(diffs, Is.Not.Empty, "the changed image's pixel diff is in the snapshot");
        Assert.That(Directory.GetFileSystemEntries(work).Select(Path.GetFileName), Is.EquivalentTo(new[] { "seeds", "snapshots", "reports", "...txt" }), "nothing lands beside them");

        // A seed file whose name is no id is an input error, which outranks drift; the rest are still checked.
        var (bad, badOutput, badError) = await Archive(work, "check", "seeds", "...txt", "--map", site.Map, "--no-memento", "--cache-ttl", "1h");
        Assert.That(bad, Is.EqualTo(2), badOutput + badError);
        using var badReport = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(reports, "report.json")));
        var refused = badReport.RootElement.GetProperty("seeds").EnumerateArray().Single(s => s.GetProperty("path").GetString() == "...txt");
        Assert.That(refused.GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(refused.GetProperty("reason").GetString(), Does.Contain("rename the file"));
        Assert.That(Directory.GetFileSystemEntries(work).Select(Path.GetFileName), Is.EquivalentTo(new[] { "seeds", "snapshots", "reports", "...txt" }), "the refused seed wrote nothing anywhere");
        Assert.That(File.Exists(Path.Combine(work, "snapshots", "link-cache.json")), Is.True, "the link cache's default lies in the relative snapshots folder");
    }

    /// <summary>
    /// A real run's report, read as a person reads it, in Chromium at 1400×900: a seed page's first screen holds the
    /// verdict, the reason and the first changed words; a swapped picture is shown beside its live copy at the same
    /// size, under a slider, as an onion skin and with its pixel diff laid over. The screenshots are the README's.
    /// </summary>
    [Test]
    public async Task TheReportOfARealRunReadsAtAGlance()
    {
        var glance = Directory.CreateTempSubdirectory("archive-glance-").FullName;
        try
        {
            foreach (var seed in new[] { "edited", "picture", "same", "gone" })
            {
                Directory.CreateDirectory(Path.Combine(glance, "seeds"));
                File.Copy(Path.Combine(work, "seeds", seed + ".txt"), Path.Combine(glance, "seeds", seed + ".txt"));
            }

            var (exit, output, error) = await Archive(glance, "check", "--map", site.Map, "--no-memento");
            Assert.That(exit, Is.EqualTo(1), output + error);

            await using var host = await BrowserHost.StartAsync(new BrowserOptions());
            var context = await host.Browser.NewContextAsync(new Microsoft.Playwright.BrowserNewContextOptions { ViewportSize = new Microsoft.Playwright.ViewportSize { Width = 1400, Height = 900 } });
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            var requests = new List<string>();
            page.Console += (_, m) => { if (m.Type == "error") { errors.Add(m.Text); } };
            page.PageError += (_, e) => errors.Add(e);
            page.Request += (_, r) => requests.Add(r.Url);
            var reports = Path.Combine(glance, "reports", "latest");
            var shots = Path.Combine(TestContext.CurrentContext.WorkDirectory, "report-screenshots");
            Directory.CreateDirectory(shots);

            await page.GotoAsync(new Uri(Path.Combine(reports, "seeds", HtmlReport.PageName("edited"))).AbsoluteUri);
            var firstChange = await page.Locator(".diff.sbs del, .diff.sbs ins").First.BoundingBoxAsync();
            Assert.That(firstChange, Is.Not.Null);
            Assert.That(firstChange!.Y + firstChange.Height, Is.LessThan(900), "the first changed words are on the first screen");
            Assert.That((await page.Locator("header.top").InnerTextAsync()).Split('\n'), Has.Some.Contains("changed"));
            await page.ScreenshotAsync(new Microsoft.Playwright.PageScreenshotOptions { Path = Path.Combine(shots, "real-seed-first-screen.png") });

            await page.GotoAsync(new Uri(Path.Combine(reports, "seeds", HtmlReport.PageName("picture"))).AbsoluteUri);
            var compare = page.Locator(".compare").First;
            var sizes = await compare.Locator(".stage img:not(.diff)").EvaluateAllAsync<double[]>("imgs => imgs.map(i => i.getBoundingClientRect().height)");
            Assert.That(sizes, Has.Length.EqualTo(2).And.All.EqualTo(sizes[0]), "archived and live at the same display size");
            await compare.Locator("button[data-mode=slider]").ClickAsync();
            await compare.Locator(".amount").FillAsync("30");
            Assert.That(await compare.Locator("a.live").EvaluateAsync<string>("a => a.style.clipPath"), Is.EqualTo("inset(0px 0px 0px 70%)"));
            await compare.ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new Microsoft.Playwright.PageScreenshotOptions { Path = Path.Combine(shots, "real-seed-pictures.png") });
            await compare.Locator("button[data-mode=onion]").ClickAsync();
            Assert.That(await compare.Locator("a.live").EvaluateAsync<string>("a => a.style.opacity"), Is.EqualTo("0.3"));
            Assert.That(await compare.Locator("img.diff").IsVisibleAsync(), Is.False);
            await compare.Locator(".overlay").CheckAsync();
            Assert.That(await compare.Locator("img.diff").IsVisibleAsync(), Is.True, "the pixel diff laid over");
            Assert.That(await compare.Locator("a.archived").GetAttributeAsync("target"), Is.EqualTo("_blank"), "a click opens it full size");

            await page.GotoAsync(new Uri(Path.Combine(reports, "index.html")).AbsoluteUri);
            Assert.That(await page.Locator("#seed-rows .badge.new").CountAsync(), Is.EqualTo(3), "a first check: the changed and the dead are new");
            var thumbs = page.Locator("#seed-rows img.thumb");
            Assert.That(await thumbs.CountAsync(), Is.EqualTo(3), "a thumbnail for each page that was pictured (the dead one was not)");
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#seed-rows img.thumb')].every(i => i.complete && i.naturalWidth === 160)");
            Assert.That(await page.Locator("#seed-rows td.host").AllInnerTextsAsync(), Has.All.EqualTo("news.example"));
            await page.ScreenshotAsync(new Microsoft.Playwright.PageScreenshotOptions { Path = Path.Combine(shots, "real-index.png") });

            Assert.That(errors, Is.Empty, "no console error: the policy refused nothing the report does");
            Assert.That(requests, Has.All.StartWith("file://"), "nothing is fetched from any network");
        }
        finally
        {
            Directory.Delete(glance, recursive: true);
        }
    }

    [Test]
    public async Task AReportSentToStandardOutputIsAllThatIsThere()
    {
        foreach (var destination in new[] { "-", "/dev/stdout" })
        {
            var (exit, output, error) = await Archive(work, "check", "seeds/same.txt", "--map", site.Map, "--no-memento", "--json", destination);
            Assert.That(exit, Is.Zero, error);
            using var report = JsonDocument.Parse(output);
            Assert.That(report.RootElement.GetProperty("seeds")[0].GetProperty("status").GetString(), Is.EqualTo("unchanged"), $"--json {destination}: stdout holds the report alone");
            Assert.That(error, Does.Contain("1 seed(s)"), "the summary went to standard error");
        }

        Assert.That(File.Exists(Path.Combine(work, "-")), Is.False, "no file named '-'");
        Assert.That(new FileInfo("/dev/stdout").LinkTarget, Is.Not.Null, "/dev/stdout is still the system's link, not a file");
    }

    [Test]
    public async Task AFileWhereTheSnapshotsFolderShouldBeStopsTheRunBeforeAnyPageIsFetched()
    {
        var elsewhere = Directory.CreateTempSubdirectory("archive-preflight-").FullName;
        try
        {
            Pages.Seed(Path.Combine(elsewhere, "seeds"), "same", LiveSite.Public("/preflight"), Pages.Body(Pages.Paragraphs));
            await File.WriteAllTextAsync(Path.Combine(elsewhere, "snapshots"), "not a folder");
            var (exit, _, error) = await Archive(elsewhere, "check", "--map", site.Map, "--no-memento");
            Assert.That(exit, Is.EqualTo(3));
            Assert.That(error.Trim().Split('\n')[^1], Does.StartWith("archive check: the snapshots folder '").And.EndWith("snapshots' is a file, not a folder"));
            Assert.That(site.Hits("/preflight"), Is.Zero, "nothing was fetched");
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    /// <summary>The repository's <c>./archive</c>, as a user runs it, in <paramref name="workingDirectory"/>.</summary>
    internal static Task<(int Exit, string Output, string Error)> Archive(string workingDirectory, params string[] args) =>
        Archive(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>As <see cref="Archive(string, string[])"/>, with these environment variables set.</summary>
    internal static async Task<(int Exit, string Output, string Error)> Archive(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo(Path.Combine(Repository.Root, "archive"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();

        // The first call may build the tool (as a fresh clone's first ./archive does).
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}
