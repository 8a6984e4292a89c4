using Archive.Web;

namespace Archive.Tests.Web;

public sealed class FetchOptionsTests
{
    [TestCase(30, 10)]
    [TestCase(60, 20)]
    [TestCase(9, 5)]
    public void ASilentRequestIsHedgedAfterAThirdOfItsLimitButNotBeforeFiveSeconds(double limit, double after) =>
        Assert.That(FetchOptions.Default.HedgeDelay(TimeSpan.FromSeconds(limit)), Is.EqualTo(TimeSpan.FromSeconds(after)));

    [Test]
    public void AShortLimitIsNeverHedgedUnlessAsked()
    {
        Assert.That(FetchOptions.Default.HedgeDelay(TimeSpan.FromSeconds(4)), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(4)));
        Assert.That((FetchOptions.Default with { HedgeAfter = TimeSpan.FromSeconds(1) }).HedgeDelay(TimeSpan.FromSeconds(4)), Is.EqualTo(TimeSpan.FromSeconds(1)));
    }
}
