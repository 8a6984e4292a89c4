using System.Text.Json;
using Archive.Notify;
using Archive.Report;
using Archive.Verdict;

namespace Archive.Tests.Notify;

public class NotifyFormatTests
{
    private static readonly Notification Message = new(
        new ToolInfo("archive", "0.1.0"),
        new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 12, 3, 2, 5, 0, TimeSpan.Zero),
        ExitCode.PolicyBroken,
        new RunSummary(40, 37, 2, 1, 0),
        1,
        [
            new NotifiedSeed("rfi-1", "https://www.rfi.fr/a", SeedStatus.Changed, "2 blocks rewritten", ["text changed (major)"], ["text changed (major)"], new Uri("https://ci.example/run/seeds/rfi-1.html")),
            new NotifiedSeed("bbc-<2>", "https://bbc.example/b", SeedStatus.Dead, "404 Not Found", ["the page is dead"], [], null),
        ],
        new Uri("https://ci.example/run/index.html"));

    [TestCase("https://hooks.slack.com/services/T0/B0/XYZ", "slack")]
    [TestCase("https://discord.com/api/webhooks/1/abc", "discord")]
    [TestCase("https://discordapp.com/api/webhooks/1/abc", "discord")]
    [TestCase("https://contoso.webhook.office.com/webhookb2/abc", "teams")]
    [TestCase("https://prod-01.westus.logic.azure.com:443/workflows/abc", "teams")]
    [TestCase("https://example.com/hook", "json")]
    [TestCase("https://discord.com/not-a-webhook", "json")]
    public void The_shape_comes_from_the_host_when_the_target_names_none(string url, string format) =>
        Assert.That(NotifyFormats.For(new NotifyTarget(url), new Uri(url)).Name, Is.EqualTo(format));

    [Test]
    public void A_named_shape_wins_and_an_unknown_one_is_refused()
    {
        Assert.That(NotifyFormats.For(new NotifyTarget("https://hooks.slack.com/x", "json"), new Uri("https://hooks.slack.com/x")).Name, Is.EqualTo("json"));
        Assert.That(() => NotifyFormats.For(new NotifyTarget("https://x.example/", "email"), new Uri("https://x.example/")), Throws.InstanceOf<FormatException>().With.Message.Contains("json, slack, discord, teams"));
    }

    [Test]
    public void Slack_gets_text_with_escaped_names_and_links()
    {
        var text = Parse(new SlackNotifyFormat().Body(Message)).GetProperty("text").GetString();
        Assert.That(text, Does.StartWith("Archive: 1 seed(s) with new drift of 40 checked (2 changed, 1 dead, 0 error)"));
        Assert.That(text, Does.Contain("<https://ci.example/run/seeds/rfi-1.html|rfi-1> — changed: text changed (major)"));
        Assert.That(text, Does.Contain("bbc-&lt;2&gt; — dead: the page is dead"));
    }

    [Test]
    public void Discord_gets_content_within_its_limit_and_pings_nobody()
    {
        var many = Message with { Seeds = Enumerable.Range(0, 200).Select(i => Message.Seeds[0] with { Id = $"seed-{i}", New = [new string('x', 300)] }).ToList() };
        var body = Parse(new DiscordNotifyFormat().Body(many));
        Assert.That(body.GetProperty("content").GetString()!.Length, Is.LessThanOrEqualTo(2000));
        Assert.That(body.GetProperty("content").GetString(), Does.Contain("more"));
        Assert.That(body.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength(), Is.Zero);
    }

    [Test]
    public void Teams_gets_an_adaptive_card_with_the_report_as_its_action()
    {
        var attachment = Parse(new TeamsNotifyFormat().Body(Message)).GetProperty("attachments")[0];
        Assert.That(attachment.GetProperty("contentType").GetString(), Is.EqualTo("application/vnd.microsoft.card.adaptive"));
        var card = attachment.GetProperty("content");
        Assert.That(card.GetProperty("type").GetString(), Is.EqualTo("AdaptiveCard"));
        Assert.That(card.GetProperty("body").EnumerateArray().Select(b => b.GetProperty("text").GetString()), Has.Some.Contains("[rfi-1](https://ci.example/run/seeds/rfi-1.html)"));
        Assert.That(card.GetProperty("actions")[0].GetProperty("url").GetString(), Is.EqualTo("https://ci.example/run/index.html"));
    }

    [Test]
    public void The_json_payload_has_the_documented_fields()
    {
        var body = Parse(new JsonNotifyFormat().Body(Message));
        Assert.That(body.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "schemaVersion", "summary", "tool", "run", "counts", "seeds" }));
        Assert.That(body.GetProperty("counts").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "seeds", "unchanged", "changed", "dead", "error", "new" }));
        Assert.That(body.GetProperty("seeds")[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "id", "url", "status", "reason", "breaches", "new", "report" }));
        Assert.That(body.GetProperty("run").GetProperty("exit").GetString(), Is.EqualTo("policyBroken"));
    }

    [Test]
    public void A_secret_url_comes_from_the_environment_and_is_shown_without_its_path()
    {
        var target = new NotifyTarget("${HOOK}");
        Assert.That(target.Resolve(name => name == "HOOK" ? "https://hooks.slack.com/services/T0/B0/SECRET" : null).AbsoluteUri, Is.EqualTo("https://hooks.slack.com/services/T0/B0/SECRET"));
        Assert.That(target.Display, Is.EqualTo("${HOOK}"));
        Assert.That(new NotifyTarget("https://hooks.slack.com/services/T0/B0/SECRET").Display, Is.EqualTo("https://hooks.slack.com/…"));
        Assert.That(() => target.Resolve(_ => null), Throws.InstanceOf<FormatException>().With.Message.EqualTo("the environment variable HOOK that a notify URL names is not set"));
        Assert.That(() => new NotifyTarget("${HOOK}").Resolve(_ => "ftp://x/SECRET"), Throws.InstanceOf<FormatException>().With.Message.Not.Contains("SECRET"));
    }

    private static JsonElement Parse(byte[] body) => JsonDocument.Parse(body).RootElement.Clone();
}

public class NotifierTests
{
    [Test]
    public async Task A_private_webhook_is_refused_without_allow_private_and_the_secret_stays_out_of_the_reason()
    {
        var run = Archive.TestSite.SampleReports.EveryShape();
        run = run with { Seeds = run.Seeds.Select(s => s with { NewBreaches = s.Breaches }).ToList() };
        using var fetcher = new Archive.Web.HttpFetcher(new Archive.Web.UrlMap([]), Archive.Web.FetchOptions.Default with { MaxAttempts = 1 });
        var deliveries = await Notifier.SendAsync(run, ExitCode.PolicyBroken, [new NotifyTarget("http://127.0.0.1:9/hook/SECRET-PATH?token=SECRET-QUERY")], null, fetcher, _ => null, CancellationToken.None);
        var delivery = deliveries.Single();
        Assert.That(delivery.Failed, Is.True);
        Assert.That(delivery.Problem, Does.Contain("private").Or.Contain("loopback").Or.Contain("refused"));
        Assert.That(delivery.Problem + delivery.Target, Does.Not.Contain("SECRET"));
    }

    [Test]
    public async Task Nothing_is_sent_when_nothing_is_new_unless_the_target_hears_always()
    {
        var run = Archive.TestSite.SampleReports.EveryShape();
        using var fetcher = new Archive.Web.HttpFetcher(new Archive.Web.UrlMap([]), Archive.Web.FetchOptions.Default with { MaxAttempts = 1 });
        var deliveries = await Notifier.SendAsync(run, ExitCode.PolicyBroken, [new NotifyTarget("https://hooks.example/a"), new NotifyTarget("http://127.0.0.1:9/b", On: NotifyOn.Always)], null, fetcher, _ => null, CancellationToken.None);
        Assert.That(deliveries.Select(d => d.Sent), Is.EqualTo(new[] { false, true }), "no seed has new drift: only the 'always' target is due");
    }
}
