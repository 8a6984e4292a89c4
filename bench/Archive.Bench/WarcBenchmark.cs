using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Archive.Seeds;
using Archive.Warc;

namespace Archive.Bench;

/// <summary>
/// Reading a large generated crawl (<c>bench warc [MB...]</c>): a WARC of pages (20 KB of HTML each) and their
/// pictures (5 × 200 KB of incompressible bytes), one gzip member per record as crawlers write them. For each
/// size, three passes over the same file: plain gunzip to nowhere (the floor any reader pays), every record
/// through <see cref="WarcReader"/>, and the whole file read as seeds. Wall time, throughput and the peak working
/// set during each pass show whether memory stays flat as the file grows.
/// </summary>
internal static class WarcBenchmark
{
    private const int HtmlBytes = 20 * 1024;
    private const int Pictures = 5;
    private const int PictureBytes = 200 * 1024;

    public static async Task<int> RunAsync(int[] megabytes)
    {
        Console.WriteLine("| file | records | pass | wall s | MB/s (file) | peak working set MiB |");
        Console.WriteLine("|---:|---:|---|---:|---:|---:|");
        foreach (var size in megabytes)
        {
            var path = Path.Combine(Path.GetTempPath(), $"archive-bench-{size}mb.warc.gz");
            try
            {
                var records = await GenerateAsync(path, size * 1024L * 1024);
                var fileMb = new FileInfo(path).Length / 1024.0 / 1024.0;
                void Row(string pass, (double Seconds, long Peak) m) =>
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {fileMb:0} MB | {records} | {pass} | {m.Seconds:0.0} | {fileMb / m.Seconds:0} | {m.Peak / 1024.0 / 1024.0:0} |"));

                Row("gunzip only (baseline)", Measure(() =>
                {
                    using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
                    gzip.CopyTo(Stream.Null);
                }));
                var seen = 0;
                Row("WarcReader, every record", Measure(() =>
                {
                    using var file = File.OpenRead(path);
                    seen = WarcReader.Read(file).Count();
                }));
                if (seen != records)
                {
                    Console.Error.WriteLine($"read {seen} records of {records}");
                    return 1;
                }

                var seeds = 0;
                Row("seeds (archive seeds)", Measure(() => seeds = new SeedReader().ReadAllAsync(path).GetAwaiter().GetResult().Count(l => l.Seed is not null)));
                Console.Error.WriteLine($"{size} MB: {seeds} seeds");
            }
            finally
            {
                File.Delete(path);
            }
        }

        return 0;
    }

    /// <returns>The records written.</returns>
    private static async Task<int> GenerateAsync(string path, long target)
    {
        var random = new Random(7);
        var words = Enumerable.Range(0, 4000).Select(i => new string(Enumerable.Range(0, 3 + (i % 9)).Select(_ => (char)('a' + random.Next(26))).ToArray())).ToArray();
        var at = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var records = 0;
        await using var file = File.Create(path);
        var writer = new WarcWriter(file);
        for (var page = 0; file.Length < target; page++)
        {
            var url = new Uri($"https://crawl.example/story/{page}");
            var html = new StringBuilder($"<html><head><title>Story {page}</title></head><body>");
            for (var i = 0; i < Pictures; i++)
            {
                html.Append(CultureInfo.InvariantCulture, $"<img src=\"/img/{page}-{i}.jpg\">");
            }

            while (html.Length < HtmlBytes)
            {
                html.Append("<p>");
                for (var w = 0; w < 40; w++)
                {
                    html.Append(words[random.Next(words.Length)]).Append(' ');
                }

                html.Append("</p>");
            }

            html.Append("</body></html>");
            await WritePairAsync(writer, url, at, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html.ToString()));
            for (var i = 0; i < Pictures; i++)
            {
                var bytes = new byte[PictureBytes];
                random.NextBytes(bytes);
                await WritePairAsync(writer, new Uri(url, $"/img/{page}-{i}.jpg"), at, "image/jpeg", bytes);
            }

            records += 2 * (1 + Pictures);
        }

        return records;
    }

    private static async Task WritePairAsync(WarcWriter writer, Uri url, DateTimeOffset at, string contentType, byte[] body)
    {
        var response = WarcRecords.Response(url, at, 200, "OK", [new("Content-Type", contentType), new("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture))], body, false, null, null);
        await writer.WriteAsync(response, CancellationToken.None);
        await writer.WriteAsync(WarcRecords.Request(url, at, "GET", [new("User-Agent", "bench")], ReadOnlyMemory<byte>.Empty, response.RecordId, null), CancellationToken.None);
    }

    /// <summary>Runs the pass, sampling the working set every 20 ms; the peak is what the pass itself needed, after a full collection beforehand.</summary>
    private static (double Seconds, long Peak) Measure(Action pass)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        long peak = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(20);
            }
        });
        var clock = Stopwatch.StartNew();
        pass();
        var seconds = clock.Elapsed.TotalSeconds;
        stop.Cancel();
        sampler.Wait();
        return (seconds, peak);
    }
}
