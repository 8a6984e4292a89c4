using Archive.Web;

namespace Archive.Tests.Web;

public sealed class WebUrlTests
{
    private static readonly Uri Base = new("https://cn.nytimes.com/usa/20201013/story/");

    [TestCase("https://images.weserv.nl?url=static01.nyt.com/a.jpg", "https://images.weserv.nl/?url=static01.nyt.com/a.jpg")]
    [TestCase("//cdn.example?x=1", "https://cdn.example/?x=1")]
    [TestCase("//cdn.example/img.jpg", "https://cdn.example/img.jpg")]
    [TestCase("../photo.jpg", "https://cn.nytimes.com/usa/20201013/photo.jpg")]
    [TestCase("?page=2", "https://cn.nytimes.com/usa/20201013/story/?page=2")]
    [TestCase("  /root path.html ", "https://cn.nytimes.com/root%20path.html")]
    [TestCase("HTTPS://Example.COM:443/%E4%B8%AD/", "https://example.com/%E4%B8%AD/")]
    [TestCase("https://例子.测试/路径", "https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84")]
    public void ResolvesAsTheUrlStandardDoes(string reference, string expected)
    {
        Assert.That(WebUrl.TryResolve(Base, reference, out var url, out var problem), Is.True, problem);
        Assert.That(url.AbsoluteUri, Is.EqualTo(expected));
    }

    [TestCase("", "URL is empty")]
    [TestCase("/relative", "URL '/relative' is relative; an absolute http(s) URL is required")]
    [TestCase("news.example/a", "URL 'news.example/a' is relative")]
    [TestCase("http://[::1/x", "URL 'http://[::1/x' is malformed")]
    [TestCase("https://", "URL 'https://' is malformed")]
    public void RejectsWhatIsNotAnAbsoluteUrl(string text, string expected)
    {
        Assert.That(WebUrl.TryParseAbsolute(text, out _, out var problem), Is.False);
        Assert.That(problem, Does.StartWith(expected));
    }

    [Test]
    public void PercentEscapesAndParenthesesAreKeptAsWritten()
    {
        const string text = "https://www.rfi.fr/cn/%E4%B8%AD%E5%9B%BD/20230920-a_(b)";
        Assert.That(WebUrl.TryParseAbsolute(text, out var url, out _), Is.True);
        Assert.That(url.AbsoluteUri, Is.EqualTo(text));
    }

    [Test]
    public void FragmentIsDroppedForFetching()
    {
        Assert.That(WebUrl.WithoutFragment(new Uri("https://a.example/x?y=1#z")).AbsoluteUri, Is.EqualTo("https://a.example/x?y=1"));
    }
}
