using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Archive.TestSite;

namespace Archive.Bench;

/// <summary>
/// Pages per second and peak memory of 'archive check' over realistic local pages (site chrome, 5–10 JPEG images,
/// scripts and a stylesheet), run as a real process through --map, snapshots included. Naming a concurrency twice
/// runs the same seeds again on the same snapshots: the later run of a nightly schedule. Beside it, in the same
/// invocation and against the same site, a naive capture loop is the baseline: one page at a time in the same
/// browser binary, load, text, full-page screenshot, nothing else. <c>--hung N</c> makes N pages never answer.
/// CPU is the whole machine's busy time over each run (/proc/stat), so run it on a quiet machine.
/// </summary>
internal static class CaptureBenchmark
{
    public static async Task<int> RunAsync(int pages, int[] concurrencies, TimeSpan latency, string[] extra, int hung = 0, bool naive = true, bool hungLast = false)
    {
        await using var site = await LiveSite.StartAsync();
        site.Latency = latency;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"latency per response: {latency.TotalMilliseconds:0} ms; check options: {string.Join(' ', extra)}"));
        var root = Directory.CreateTempSubdirectory("archive-bench-").FullName;
        try
        {
            var seeds = Path.Combine(root, "seeds");
            ArticleSite.Serve(site, pages, hung, seeds, hungLast);

            var baseline = naive ? await NaiveLoop.RunAsync(site, pages) : default;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hung pages: {hung}{(hungLast ? ", the last in the seed list" : string.Empty)}"));
            Console.WriteLine($"| run | pages | concurrency | wall s | pages/s | CPU s (machine) | CPU s per page | peak RSS MiB (tool) | peak RSS MiB (tree) | unchanged | speed vs naive | CPU vs naive |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            if (naive)
            {
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| naive loop ({baseline.Browser}) | {pages} | 1 | {baseline.Seconds:0.0} | {pages / baseline.Seconds:0.00} | {baseline.CpuSeconds:0.0} | {baseline.CpuSeconds / pages:0.000} | {baseline.PeakRoot / 1048576.0:0} | {baseline.PeakTree / 1048576.0:0} | {baseline.Loaded} | 1.00× | 1.00× |"));
            }

            foreach (var concurrency in concurrencies)
            {
                var cpu = MachineCpu.Now();
                var result = await RunOnceAsync(site, root, seeds, concurrency, extra);
                var cpuSeconds = MachineCpu.Now() - cpu;
                var speed = naive ? string.Create(CultureInfo.InvariantCulture, $"{baseline.Seconds / result.Seconds:0.00}×") : "–";
                var cpuRatio = naive ? string.Create(CultureInfo.InvariantCulture, $"{cpuSeconds / baseline.CpuSeconds:0.00}×") : "–";
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| archive check | {pages} | {concurrency} | {result.Seconds:0.0} | {pages / result.Seconds:0.00} | {cpuSeconds:0.0} | {cpuSeconds / pages:0.000} | {result.PeakRoot / 1048576.0:0} | {result.PeakTree / 1048576.0:0} | {result.Unchanged} | {speed} | {cpuRatio} |"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(double Seconds, long PeakRoot, long PeakTree, int Unchanged)> RunOnceAsync(LiveSite site, string root, string seeds, int concurrency, string[] extra)
    {
        var report = Path.Combine(root, $"report-{concurrency}.json");
        var snapshots = Path.Combine(root, $"snapshots-{concurrency}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] args =
        [
            Path.Combine(AppContext.BaseDirectory, "archive.dll"), "check", seeds, "--map", site.Map,
            "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture), "--snapshots", snapshots, "--json", report,
            "--reports", Path.Combine(root, $"reports-{concurrency}"), "--no-memento", .. extra,
        ];
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var memory = new ProcessTreeMemory(process.Id);
        while (!process.HasExited)
        {
            memory.Sample();
            await Task.Delay(100);
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        var unchanged = json.RootElement.GetProperty("summary").GetProperty("unchanged").GetInt32();
        var timings = json.RootElement.GetProperty("seeds").EnumerateArray()
            .Select(s => s.GetProperty("page").TryGetProperty("timings", out var t) ? t : default)
            .Where(t => t.ValueKind == JsonValueKind.Object).ToList();
        if (timings.Count == 0)
        {
            throw new InvalidOperationException($"no page was captured (summary: {json.RootElement.GetProperty("summary")}); is a browser installed?");
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"concurrency {concurrency}: JSON report {new FileInfo(report).Length / 1048576.0:0.0} MiB; mean fetch {timings.Average(t => t.GetProperty("fetchMs").GetDouble()):0} ms, load {timings.Average(t => t.GetProperty("loadMs").GetDouble()):0} ms, settle {timings.Average(t => t.GetProperty("settleMs").GetDouble()):0} ms, total {timings.Average(t => t.GetProperty("totalMs").GetDouble()):0} ms"));
        // The snapshots stay until the end, so a concurrency named twice runs again on what the first run kept.
        return (seconds, memory.PeakRoot, memory.PeakTree, unchanged);
    }
}
