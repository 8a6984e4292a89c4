using Archive.IntegrationTests.Fixtures;
using Archive.Pipeline;
using Archive.Report;
using Archive.TestSite;
using Archive.Verdict;
using Microsoft.AspNetCore.Http;

namespace Archive.IntegrationTests.Pipeline;

/// <summary>
/// Main documents are fetched ahead of the workers: a page that has not answered holds no worker, so even the only
/// worker checks the seeds after it while it waits. Told by order, not by time: the slow page answers only once the
/// others are done, which a worker stuck on it would never let happen (it then answers after 60 s, too late).
/// </summary>
public sealed class HungPageTests
{
    [Test]
    public async Task APageThatHasNotAnsweredWaitsBesideTheOthersInsteadOfHoldingTheOnlyWorker()
    {
        await using var site = await LiveSite.StartAsync();
        var seeds = Directory.CreateTempSubdirectory("archive-hung-").FullName;
        try
        {
            await CheckAsync(site, seeds);
        }
        finally
        {
            Directory.Delete(seeds, recursive: true);
        }
    }

    private static async Task CheckAsync(LiveSite site, string seeds)
    {
        var others = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        site.Route("/slow", async context =>
        {
            await Task.WhenAny(others.Task, Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted));
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Pages.Article("Slow", Pages.Paragraphs), context.RequestAborted);
        });
        Pages.Seed(seeds, "a-slow", LiveSite.Public("/slow"), Pages.Body(Pages.Paragraphs), "Slow");
        for (var i = 0; i < 3; i++)
        {
            site.Html($"/quick{i}", Pages.Article($"Quick {i}", Pages.Paragraphs));
            Pages.Seed(seeds, $"b-quick{i}", LiveSite.Public($"/quick{i}"), Pages.Body(Pages.Paragraphs), $"Quick {i}");
        }

        var order = new Order(3, others);
        var options = Harness.Check(site, snapshots: null, concurrency: 1) with
        {
            Fetch = Harness.Fetch with { RequestTimeout = TimeSpan.FromSeconds(90) },
            Capture = Harness.Capture with { TotalTimeout = TimeSpan.FromSeconds(120) },
        };
        var (report, _) = await new CheckRunner(options, order).RunAsync([seeds], CancellationToken.None);

        Assert.That((order.Finished.Count, order.Finished[^1]), Is.EqualTo((4, "a-slow")), "the quick seeds were checked while the slow one waited: " + string.Join(", ", order.Finished));
        Assert.That(report.Seeds.Select(s => s.Id), Is.EqualTo(new[] { "a-slow", "b-quick0", "b-quick1", "b-quick2" }), "the report keeps path order");
        Assert.That(report.Seeds.Single(s => s.Id == "a-slow").Status, Is.EqualTo(SeedStatus.Unchanged), "the slow page, once it answered, was checked like any other");
    }

    /// <summary>Records the order seeds finish in, and lets the slow page answer once the others have.</summary>
    private sealed class Order(int others, TaskCompletionSource done) : ICheckObserver
    {
        private readonly List<string> finished = [];

        public List<string> Finished => finished;

        public void RunStarted(int seeds)
        {
        }

        public void SeedFinished(SeedReport seed, int count, int total)
        {
            finished.Add(seed.Id);
            if (finished.Count(id => id.StartsWith("b-", StringComparison.Ordinal)) == others)
            {
                done.TrySetResult();
            }
        }
    }
}
