using Archive.Seeds;

namespace Archive.Tests.Seeds;

public sealed class SrcsetTests
{
    [Test]
    public void ParsesWidthAndDensityDescriptors()
    {
        var parsed = Srcset.Parse(" a.jpg 320w,b.jpg 2x , c.jpg");
        Assert.That(parsed.Select(c => (c.Url, c.Width, c.Density)), Is.EqualTo(new (string, double?, double?)[]
        {
            ("a.jpg", 320, null), ("b.jpg", null, 2), ("c.jpg", null, null),
        }));
    }

    [Test]
    public void UrlsMayContainCommas()
    {
        // The spec reads a URL up to white space, so a comma inside one (common in CDN transforms) stays in it.
        var parsed = Srcset.Parse("https://cdn.example/w_400,h_300/x.jpg 400w, https://cdn.example/w_800,h_600/x.jpg 800w");
        Assert.That(parsed.Select(c => c.Url), Is.EqualTo(new[] { "https://cdn.example/w_400,h_300/x.jpg", "https://cdn.example/w_800,h_600/x.jpg" }));
        Assert.That(Srcset.Largest(parsed)!.Url, Is.EqualTo("https://cdn.example/w_800,h_600/x.jpg"));
    }

    [Test]
    public void EmptyAndGarbageYieldNothingOrPlainCandidates()
    {
        Assert.That(Srcset.Parse(""), Is.Empty);
        Assert.That(Srcset.Parse(" , ,"), Is.Empty);
        Assert.That(Srcset.Largest([]), Is.Null);
        Assert.That(Srcset.Parse("x.jpg bogus").Single().Width, Is.Null);
    }
}
