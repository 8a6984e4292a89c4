using System.Net;
using Archive.Web;

namespace Archive.Tests.Web;

public sealed class UrlMapTests
{
    private static readonly UrlMap Map = new([
        UrlMapping.Parse("https://news.example/=http://127.0.0.1:8080/"),
        UrlMapping.Parse("https://news.example/media/=http://127.0.0.1:9090/cdn/"),
        UrlMapping.Parse("http://news.example/=http://127.0.0.1:8080/"),
    ]);

    [TestCase("https://news.example/a/b?c=1", "http://127.0.0.1:8080/a/b?c=1", true)]
    [TestCase("https://news.example/media/x.jpg", "http://127.0.0.1:9090/cdn/x.jpg", true)]
    [TestCase("http://news.example/a", "http://127.0.0.1:8080/a", true)]
    [TestCase("https://other.example/a", "https://other.example/a", false)]
    [TestCase("https://news.example.evil/a", "https://news.example.evil/a", false)]
    public void TheLongestMatchingPrefixWins(string url, string target, bool mapped)
    {
        Assert.That(Map.Map(new Uri(url)), Is.EqualTo((new Uri(target), mapped)));
    }

    [TestCase("http://127.0.0.1:8080/b", "https://news.example/b")]
    [TestCase("http://127.0.0.1:9090/cdn/y.png", "https://news.example/media/y.png")]
    [TestCase("https://elsewhere.example/z", "https://elsewhere.example/z")]
    public void UnmapReadsTargetUrlsBackIntoTheOriginalSpace(string target, string original)
    {
        Assert.That(Map.Unmap(new Uri(target)).AbsoluteUri, Is.EqualTo(original));
    }

    [TestCase("nonsense", "is not FROM=TO")]
    [TestCase("=http://x/", "is not FROM=TO")]
    [TestCase("https://a.example/=", "is not FROM=TO")]
    [TestCase("/relative=http://x/", "'/relative' is not an absolute http(s) URL prefix")]
    [TestCase("https://a.example/=file:///etc/", "'file:///etc/' is not an absolute http(s) URL prefix")]
    public void BadMapsAreRefusedWithTheReason(string text, string message)
    {
        Assert.That(() => UrlMapping.Parse(text), Throws.TypeOf<FormatException>().With.Message.Contains(message));
    }

    [TestCase("127.0.0.1", false)]
    [TestCase("10.1.2.3", false)]
    [TestCase("172.16.0.1", false)]
    [TestCase("172.32.0.1", true)]
    [TestCase("192.168.1.1", false)]
    [TestCase("169.254.169.254", false)]
    [TestCase("100.64.0.1", false)]
    [TestCase("0.0.0.0", false)]
    [TestCase("224.0.0.1", false)]
    [TestCase("::1", false)]
    [TestCase("fe80::1", false)]
    [TestCase("fd00::1", false)]
    [TestCase("::ffff:127.0.0.1", false)]
    [TestCase("93.184.216.34", true)]
    [TestCase("2606:2800:220:1:248:1893:25c8:1946", true)]
    public void OnlyPublicAddressesArePublic(string address, bool isPublic)
    {
        Assert.That(AddressPolicy.IsPublic(IPAddress.Parse(address)), Is.EqualTo(isPublic));
    }
}
