using Archive.Links;
using Archive.Report;
using Archive.TestSite;
using Archive.Verdict;

namespace Archive.Tests.Report;

/// <summary>The JSON report is a contract: every shape the tool can write validates against docs/report.schema.json.</summary>
public sealed class ReportSchemaTests
{

    private static RunReport EveryShape() => SampleReports.EveryShape();

    [Test]
    public void EveryShapeTheToolWritesIsValid()
    {
        Assert.That(ReportSchema.Errors(JsonReport.Serialize(EveryShape())), Is.Empty);
    }

    [Test]
    public void TheReportReadsBackAsWritten()
    {
        var report = EveryShape();
        var json = JsonReport.Serialize(report);
        Assert.That(JsonReport.Serialize(JsonReport.Deserialize(json)), Is.EqualTo(json));
        Assert.That(json, Does.Contain("\"status\": \"soft404\"").And.Contain("\"op\": \"move\"").And.Contain("\"status\": \"unchanged\""));
    }

    [TestCase("\"status\": \"unchanged\"", "\"status\": \"fine\"")]
    [TestCase("\"schemaVersion\": 2", "\"schemaVersion\": \"2\"")]
    [TestCase("\"similarity\": 0.5", "\"similarity\": 1.5")]
    [TestCase("\"severity\": \"major\"", "\"severity\": \"huge\"")]
    [TestCase("\"simHashDistance\": 12", "\"simHashDistance\": 65")]
    [TestCase("\"method\": \"alignment\"", "\"method\": \"guess\"")]
    [TestCase("\"op\": \"insert\",\n", "\"op\": \"added\",\n")]
    [TestCase("\"matchedBy\": \"stem\"", "\"matchedBy\": \"guess\"")]
    [TestCase("\"hashDistance\": 4", "\"hashDistance\": 65")]
    [TestCase("\"format\": \"webp\"", "\"format\": \"WebP\"")]
    [TestCase("\"signal\": \"likeMissingPage\"", "\"signal\": \"hunch\"")]
    [TestCase("\"kind\": \"source\"", "\"kind\": \"page\"")]
    public void TheSchemaRejectsWhatBreaksTheContract(string good, string bad)
    {
        var json = JsonReport.Serialize(EveryShape());
        Assert.That(json, Does.Contain(good));
        Assert.That(ReportSchema.Errors(json.Replace(good, bad, StringComparison.Ordinal)), Is.Not.Empty);
    }

    [Test]
    public void SummaryCountsEachStatus()
    {
        Assert.That(EveryShape().Summary, Is.EqualTo(new RunSummary(6, 1, 1, 2, 2, new LinkCounts(1, 1, 1, 1, 1, 1, 1))));
    }

    [TestCase(new[] { ExitCode.Clean, ExitCode.Clean }, ExitCode.Clean)]
    [TestCase(new[] { ExitCode.Clean, ExitCode.PolicyBroken }, ExitCode.PolicyBroken)]
    [TestCase(new[] { ExitCode.InputError, ExitCode.PolicyBroken }, ExitCode.InputError)]
    [TestCase(new[] { ExitCode.PolicyBroken, ExitCode.ToolFailure, ExitCode.InputError }, ExitCode.ToolFailure)]
    [TestCase(new ExitCode[0], ExitCode.Clean)]
    public void TheRunExitsWithItsMostSeriousOutcome(ExitCode[] seeds, ExitCode expected)
    {
        Assert.That(Judge.ExitCodeFor(seeds), Is.EqualTo(expected));
    }
}
