using Archive.Links;
using Archive.Web;

namespace Archive.Tests.Links;

/// <summary>The one place that decides a link's status: every kind of answer.</summary>
public sealed class LinkVerdictTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 3, 0, 0, TimeSpan.Zero);

    private static readonly Uri Url = new("https://news.example/a");

    private static FetchResponse Answer(int? status, FetchFailure? failure = null, params RedirectHop[] redirects) =>
        new(Url, redirects.Length > 0 ? new Uri("https://news.example/b") : Url, redirects, status, [], [], false, failure, 1, TimeSpan.Zero);

    [TestCase(200, LinkStatus.Ok)]
    [TestCase(204, LinkStatus.Ok)]
    [TestCase(404, LinkStatus.Dead)]
    [TestCase(410, LinkStatus.Dead)]
    [TestCase(403, LinkStatus.Dead)]
    [TestCase(500, LinkStatus.Dead)]
    [TestCase(503, LinkStatus.Dead)]
    [TestCase(304, LinkStatus.Error)]
    [TestCase(101, LinkStatus.Error)]
    public void StatusCodes(int status, LinkStatus expected) =>
        Assert.That(LinkVerdict.Decide(Url, Answer(status), null, "HEAD", At).Status, Is.EqualTo(expected));

    [TestCase(FetchFailureKind.Dns, LinkStatus.Dead)]
    [TestCase(FetchFailureKind.ConnectionRefused, LinkStatus.Dead)]
    [TestCase(FetchFailureKind.ConnectionReset, LinkStatus.Dead)]
    [TestCase(FetchFailureKind.Tls, LinkStatus.Dead)]
    [TestCase(FetchFailureKind.RedirectLoop, LinkStatus.Dead)]
    [TestCase(FetchFailureKind.TooManyRedirects, LinkStatus.Dead)]
    [TestCase(FetchFailureKind.Timeout, LinkStatus.Timeout)]
    [TestCase(FetchFailureKind.Refused, LinkStatus.Error)]
    [TestCase(FetchFailureKind.BadRedirect, LinkStatus.Error)]
    [TestCase(FetchFailureKind.Other, LinkStatus.Error)]
    public void Failures(FetchFailureKind kind, LinkStatus expected)
    {
        var result = LinkVerdict.Decide(Url, Answer(null, new FetchFailure(kind, "what happened")), null, "HEAD", At);
        Assert.That((result.Status, result.Reason), Is.EqualTo((expected, "what happened")));
    }

    [Test]
    public void RedirectsToOkPagesAreRedirectsAndSayWhetherPermanent()
    {
        var permanent = LinkVerdict.Decide(Url, Answer(200, null, new RedirectHop(Url, 301)), null, "HEAD", At);
        var mixed = LinkVerdict.Decide(Url, Answer(200, null, new RedirectHop(Url, 301), new RedirectHop(new Uri("https://news.example/c"), 302)), null, "HEAD", At);
        Assert.That((permanent.Status, permanent.Permanent, permanent.FinalUrl), Is.EqualTo((LinkStatus.Redirect, (bool?)true, "https://news.example/b")));
        Assert.That(mixed.Permanent, Is.False);
    }

    [Test]
    public void ASignalMakesAnOkAnswerASoft404()
    {
        var result = LinkVerdict.Decide(Url, Answer(200, null, new RedirectHop(Url, 302)), Soft404Signal.RedirectToRoot, "HEAD", At);
        Assert.That((result.Status, result.Signal), Is.EqualTo((LinkStatus.Soft404, (Soft404Signal?)Soft404Signal.RedirectToRoot)));
        Assert.That(result.Reason, Does.StartWith("soft-404"));
    }

    [Test]
    public void ASignalNeverTurnsAnErrorIntoASoft404() =>
        Assert.That(LinkVerdict.Decide(Url, Answer(404), Soft404Signal.NotFoundText, "GET", At).Status, Is.EqualTo(LinkStatus.Dead));

    [TestCase("https://news.example/img/photo.jpg", true)]
    [TestCase("https://news.example/files/report.pdf", true)]
    [TestCase("https://news.example/story", false)]
    [TestCase("https://news.example/story.html", false)]
    [TestCase("https://news.example/index.php?id=3", false)]
    [TestCase("https://news.example/", false)]
    public void FilesAreAskedWithHeadAndPagesWithGet(string url, bool file) =>
        Assert.That(LinkChecker.NamesAFile(new Uri(url)), Is.EqualTo(file));
}
