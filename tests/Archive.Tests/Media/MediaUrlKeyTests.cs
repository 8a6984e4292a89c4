using Archive.Media;

namespace Archive.Tests.Media;

/// <summary>Renditions of one picture share a key; different pictures do not. URLs are the outlets' real patterns.</summary>
public sealed class MediaUrlKeyTests
{
    [TestCase(
        "https://s.rfi.fr/media/display/7839cdee-57c7-11ee-9437-005056a90284/w:1280/p:16x9/Capture-1799.JPG",
        "https://s.rfi.fr/media/display/7839cdee-57c7-11ee-9437-005056a90284/w:800/p:16x9/Capture-1799.JPG")]
    [TestCase(
        "https://ichef.bbci.co.uk/news/976/cpsprodpb/15544/production/_114846378_wipephone.jpg",
        "https://ichef.bbci.co.uk/news/240/cpsprodpb/15544/production/_114846378_wipephone.jpg.webp")]
    [TestCase(
        "https://chinadigitaltimes.net/chinese/files/2020/10/EkIS2QwVoAYaUEJ.jpeg",
        "https://chinadigitaltimes.net/chinese/files/2020/10/EkIS2QwVoAYaUEJ-1024x683.jpeg")]
    [TestCase(
        "https://images.weserv.nl/?url=gdb.voanews.com/317B0E8F-DA73-47C8-97DC-95F296A6F461_r1_s_w900.jpg",
        "https://gdb.voanews.com/317B0E8F-DA73-47C8-97DC-95F296A6F461_w250_r1.jpg")]
    [TestCase(
        "https://images.weserv.nl?url=static01.nyt.com/images/2020/10/12/us/politics/12VIRUS-MEDIA/12VIRUS-MEDIA-articleLarge.jpg",
        "https://static01.nyt.com/images/2020/10/12/us/politics/12VIRUS-MEDIA/12VIRUS-MEDIA-superJumbo.jpg?quality=75&auto=webp")]
    [TestCase(
        "https://i.guim.co.uk/img/media/abc123/0_0_3000_1800/master/3000.jpg?width=620&quality=85&auto=format&fit=max&s=0f1e",
        "https://i.guim.co.uk/img/media/abc123/0_0_3000_1800/master/3000.jpg?width=1020&quality=45&s=99aa")]
    [TestCase(
        "https://res.cloudinary.com/demo/image/upload/c_fill,w_800,q_auto/v1/news/photo.jpg",
        "https://res.cloudinary.com/demo/image/upload/w_400/v1/news/photo.jpg")]
    [TestCase("http://www.example.com/a/photo@2x.png", "https://example.com/a/photo.png")]
    public void RenditionsOfOnePictureShareAKey(string archived, string live) =>
        Assert.That(MediaUrlKey.Of(new Uri(live)), Is.EqualTo(MediaUrlKey.Of(new Uri(archived))));

    [TestCase("https://s.rfi.fr/media/display/aaaa/w:1280/p:16x9/one.jpg", "https://s.rfi.fr/media/display/bbbb/w:1280/p:16x9/one.jpg")]
    [TestCase("https://example.com/img/photo.jpg?id=1", "https://example.com/img/photo.jpg?id=2")]
    [TestCase("https://example.com/img/cat.jpg", "https://example.com/img/dog.jpg")]
    [TestCase("https://a.example/img/cat.jpg", "https://b.example/img/cat.jpg")]
    public void DifferentPicturesHaveDifferentKeys(string a, string b) =>
        Assert.That(MediaUrlKey.Of(new Uri(a)), Is.Not.EqualTo(MediaUrlKey.Of(new Uri(b))));

    [TestCase("https://example.com/2020/10/EkIS2QwVoAYaUEJ-1024x683.jpeg", "ekis2qwvoayauej")]
    [TestCase("https://gdb.voanews.com/317B0E8F_r1_s_w900.jpg", "317b0e8f")]
    [TestCase("https://example.com/img/image.jpg", null)]
    [TestCase("https://example.com/img/logo.png", null)]
    [TestCase("https://example.com/img/123.jpg", null)]
    public void StemsNameThePictureOrNothing(string url, string? stem) =>
        Assert.That(MediaUrlKey.Stem(new Uri(url)), Is.EqualTo(stem));
}
