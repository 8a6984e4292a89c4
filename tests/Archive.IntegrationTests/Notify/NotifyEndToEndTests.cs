using System.Collections.Concurrent;
using System.Text.Json;
using Archive.IntegrationTests.Cli;
using Archive.IntegrationTests.Fixtures;
using Archive.TestSite;

namespace Archive.IntegrationTests.Notify;

/// <summary>
/// Notifications as a scheduled user relies on them, through <c>./archive check</c> with the defaults and an
/// archive.json whose webhook URLs come from the environment: a run with new drift sends one message per target in
/// its shape (JSON, Slack, Discord, Teams; a 500 is retried), the next run with the same drift sends none, and the secret URL appears in no
/// output and no report. A message that cannot be delivered changes nothing, unless <c>--notify-strict</c>.
/// </summary>
[NonParallelizable]
public sealed class NotifyEndToEndTests
{
    private const string Secret = "T0KEN-5ecret-9f3a";

    private StorySite story = null!;
    private LiveSite receiver = null!;
    private readonly ConcurrentQueue<(string Path, string ContentType, string Body)> received = new();
    private int jsonAnswers;

    [OneTimeSetUp]
    public async Task StartSites()
    {
        story = await StorySite.StartAsync("notify", 41);
        receiver = await LiveSite.StartAsync();
        receiver.Route($"/json/{Secret}", context => Receive(context, failFirst: Interlocked.Increment(ref jsonAnswers) == 1));
        receiver.Route($"/slack/{Secret}", context => Receive(context, failFirst: false));
        receiver.Route($"/discord/{Secret}", context => Receive(context, failFirst: false));
        receiver.Route($"/teams/{Secret}", context => Receive(context, failFirst: false));
        await File.WriteAllTextAsync(Path.Combine(story.Work, "archive.json"), """
            {
              "notify": [
                "${ARCHIVE_TEST_JSON_HOOK}",
                { "url": "${ARCHIVE_TEST_SLACK_HOOK}", "format": "slack", "on": "new" },
                { "url": "${ARCHIVE_TEST_DISCORD_HOOK}", "format": "discord" },
                { "url": "${ARCHIVE_TEST_TEAMS_HOOK}", "format": "teams" }
              ]
            }
            """);
    }

    [OneTimeTearDown]
    public async Task StopSites()
    {
        await receiver.DisposeAsync();
        await story.StopAsync();
    }

    [Test]
    public async Task New_drift_is_sent_once_per_target_then_not_again_and_the_secret_is_never_shown()
    {
        var environment = new Dictionary<string, string>
        {
            ["ARCHIVE_TEST_JSON_HOOK"] = new Uri(receiver.BaseUrl, $"json/{Secret}").AbsoluteUri,
            ["ARCHIVE_TEST_SLACK_HOOK"] = new Uri(receiver.BaseUrl, $"slack/{Secret}").AbsoluteUri,
            ["ARCHIVE_TEST_DISCORD_HOOK"] = new Uri(receiver.BaseUrl, $"discord/{Secret}").AbsoluteUri,
            ["ARCHIVE_TEST_TEAMS_HOOK"] = new Uri(receiver.BaseUrl, $"teams/{Secret}").AbsoluteUri,
        };
        string[] Check(params string[] more) => ["check", "--map", story.Site.Map, "--no-memento", "--allow-private", "--report-url", "https://ci.example/run/index.html", .. more];

        // The story drifted before the first check: its breach is new.
        var edited = Pages.Paragraphs.ToArray();
        edited[1] = "这一段在存档之后被改写了。";
        story.Site.Html("/story", StorySite.Story(edited));
        var (exit, output, error) = await DefaultRunTests.Archive(story.Work, environment, Check());
        Assert.That(exit, Is.EqualTo(1), output + error);
        var messages = received.ToList();
        Assert.That(messages.Select(m => m.Path.Split('/')[1]).Order(), Is.EqualTo(new[] { "discord", "json", "slack", "teams" }), "one message per target");
        Assert.That(jsonAnswers, Is.EqualTo(2), "the JSON webhook's 500 was retried");
        Assert.That(messages.Select(m => m.ContentType), Has.All.StartsWith("application/json"));

        using (var json = JsonDocument.Parse(messages.Single(m => m.Path.StartsWith("/json", StringComparison.Ordinal)).Body))
        {
            var root = json.RootElement;
            Assert.That(root.GetProperty("schemaVersion").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("counts").GetProperty("new").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("run").GetProperty("exit").GetString(), Is.EqualTo("policyBroken"));
            var seed = root.GetProperty("seeds").EnumerateArray().Single();
            Assert.That(seed.GetProperty("id").GetString(), Is.EqualTo("story"));
            Assert.That(seed.GetProperty("status").GetString(), Is.EqualTo("changed"));
            Assert.That(seed.GetProperty("url").GetString(), Is.EqualTo("https://news.example/old-story"));
            Assert.That(seed.GetProperty("new").GetArrayLength(), Is.Positive);
            Assert.That(seed.GetProperty("report").GetString(), Is.EqualTo("https://ci.example/run/seeds/story.html"));
        }

        using (var slack = JsonDocument.Parse(messages.Single(m => m.Path.StartsWith("/slack", StringComparison.Ordinal)).Body))
        {
            Assert.That(slack.RootElement.GetProperty("text").GetString(), Does.Contain("<https://ci.example/run/seeds/story.html|story>").And.Contain("new drift"));
        }

        using (var discord = JsonDocument.Parse(messages.Single(m => m.Path.StartsWith("/discord", StringComparison.Ordinal)).Body))
        {
            Assert.That(discord.RootElement.GetProperty("content").GetString(), Does.Contain("[story](<https://ci.example/run/seeds/story.html>)"));
        }

        using (var teams = JsonDocument.Parse(messages.Single(m => m.Path.StartsWith("/teams", StringComparison.Ordinal)).Body))
        {
            var card = teams.RootElement.GetProperty("attachments")[0].GetProperty("content");
            Assert.That(card.GetProperty("type").GetString(), Is.EqualTo("AdaptiveCard"));
            Assert.That(card.GetProperty("body").EnumerateArray().Select(b => b.GetProperty("text").GetString()), Has.Some.StartsWith("[story](https://ci.example/run/seeds/story.html)"));
        }

        using (var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(story.Work, "reports", "latest", "report.json"))))
        {
            Assert.That(report.RootElement.GetProperty("seeds")[0].GetProperty("newBreaches").GetArrayLength(), Is.Positive);
            Assert.That(ReportSchema.Errors(report.RootElement), Is.Empty);
        }

        // The same drift again: nothing new, so no message.
        var before = received.Count;
        (exit, output, error) = await DefaultRunTests.Archive(story.Work, environment, Check());
        Assert.That(exit, Is.EqualTo(1), output + error);
        Assert.That(received, Has.Count.EqualTo(before), "no message when nothing is new");
        Assert.That(output, Does.Contain("nothing new for ${ARCHIVE_TEST_JSON_HOOK}"));

        // New drift, and a webhook that never answers: reported, the verdict's exit stands; --notify-strict makes it exit 3.
        edited[2] = "又一段被改写了。";
        story.Site.Html("/story", StorySite.Story(edited));
        var dead = $"http://127.0.0.1:9/hook/{Secret}";
        (exit, output, error) = await DefaultRunTests.Archive(story.Work, environment, Check("--notify", dead, "--notify-strict"));
        Assert.That(exit, Is.EqualTo(3), output + error);
        Assert.That(error, Does.Contain("the notification to http://127.0.0.1:9/… was not delivered"));
        Assert.That(received, Has.Count.EqualTo(before), "--notify on the command line replaces archive.json's targets, as every option does");

        var everything = output + error + string.Concat(Directory.EnumerateFiles(story.Work, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("archive.json", StringComparison.Ordinal))
            .Select(f => System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        Assert.That(everything, Does.Not.Contain(Secret), "the webhook's secret is in no output, report, snapshot or WARC");
    }

    private async Task Receive(Microsoft.AspNetCore.Http.HttpContext context, bool failFirst)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        if (failFirst)
        {
            context.Response.StatusCode = 500;
            return;
        }

        received.Enqueue((context.Request.Path.Value!, context.Request.ContentType ?? "", body));
        context.Response.StatusCode = 200;
    }
}
