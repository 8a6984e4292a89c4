using System.Diagnostics;
using System.Globalization;
using Archive.Report;
using Archive.TestSite;

namespace Archive.Bench;

/// <summary>Writing all four reports for a large run (seeds of every shape from <see cref="SampleReports"/>): time per format, files and bytes.</summary>
internal static class ReportBenchmark
{
    public static async Task<int> RunAsync(int seeds)
    {
        var run = SampleReports.Large(seeds);
        var folder = Path.Combine(Path.GetTempPath(), "archive-bench-report-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var paths = ReportPaths.In(folder);
            Console.WriteLine($"{seeds} seeds → {folder}");
            Console.WriteLine("| format | seconds |");
            Console.WriteLine("|---|---:|");
            foreach (var (name, only) in new (string, ReportPaths)[]
            {
                ("JSON", new ReportPaths(paths.Json, null, null, null)),
                ("JUnit XML", new ReportPaths(null, null, paths.JUnit, null)),
                ("Markdown", new ReportPaths(null, null, null, paths.Markdown)),
                ("HTML (index + a page per seed)", new ReportPaths(null, paths.Html, null, null)),
            })
            {
                var stopwatch = Stopwatch.StartNew();
                await only.WriteAsync(run, snapshotsRoot: null, CancellationToken.None);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {stopwatch.Elapsed.TotalSeconds:0.00} |"));
            }

            var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{files.Count} files, {files.Sum(f => new FileInfo(f).Length) / 1048576.0:0.0} MiB; index.html {new FileInfo(paths.Html!).Length / 1024.0:0} KiB"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
