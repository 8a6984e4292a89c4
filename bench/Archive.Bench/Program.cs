using System.Globalization;
using Archive.Bench;
using Archive.Pipeline;

// dotnet run -c Release --project bench/Archive.Bench -- capture [PAGES] [CONCURRENCY...] [--latency MS] [--hung N] [--hung-last] [--no-naive] [-- CHECK OPTIONS]
// dotnet run -c Release --project bench/Archive.Bench -- accuracy [--verbose]
// dotnet run -c Release --project bench/Archive.Bench -- diff [PERTURBATIONS]
// dotnet run -c Release --project bench/Archive.Bench -- media [PAIRS]
// dotnet run -c Release --project bench/Archive.Bench -- links [LINKS] [--linkinator PATH]
// dotnet run -c Release --project bench/Archive.Bench -- report [SEEDS]
// dotnet run -c Release --project bench/Archive.Bench -- warc [MB...]
// dotnet run -c Release --project bench/Archive.Bench -- screenshot [PAGES] [ROUNDS]
// Results are recorded in docs/performance.md.
var command = args.Length > 0 ? args[0] : "help";
switch (command)
{
    case "capture":
        // Everything after "--" goes to 'archive check' as it is, to measure one option's cost.
        var passAt = Array.IndexOf(args, "--");
        var extra = passAt > 0 ? args[(passAt + 1)..] : [];
        args = passAt > 0 ? args[..passAt] : args;
        // --no-naive: no baseline, for runs that measure the check alone (memory from 200 to 1,000 seeds).
        var naive = !args.Contains("--no-naive");
        var hungLast = args.Contains("--hung-last"); // the hung pages last in the seed list, not spread from the first
        args = [.. args.Where(a => a is not ("--no-naive" or "--hung-last"))];
        var hungAt = Array.IndexOf(args, "--hung");
        var hung = hungAt > 0 ? int.Parse(args[hungAt + 1], CultureInfo.InvariantCulture) : 0;
        args = hungAt > 0 ? [.. args[..hungAt], .. args[(hungAt + 2)..]] : args;
        var latencyAt = Array.IndexOf(args, "--latency");
        var latency = latencyAt > 0 ? TimeSpan.FromMilliseconds(int.Parse(args[latencyAt + 1], CultureInfo.InvariantCulture)) : TimeSpan.Zero;
        var numbers = (latencyAt > 0 ? args[..latencyAt].Concat(args[(latencyAt + 2)..]) : args).Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        var pages = numbers.Length > 0 ? numbers[0] : 200;
        var concurrencies = numbers.Length > 1 ? numbers[1..] : [1, CheckOptions.DefaultConcurrency];
        return await CaptureBenchmark.RunAsync(pages, concurrencies, latency, extra, hung, naive, hungLast);
    case "accuracy":
        return AccuracyBenchmark.Run(args.Contains("--verbose"));
    case "diff":
        return DiffBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000);
    case "media":
        return MediaBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000);
    case "links":
        var linkinatorAt = Array.IndexOf(args, "--linkinator");
        var linkinator = linkinatorAt > 0 ? args[linkinatorAt + 1] : null;
        var rest = (linkinatorAt > 0 ? args[..linkinatorAt].Concat(args[(linkinatorAt + 2)..]) : args).Skip(1).ToArray();
        return await LinkBenchmark.RunAsync(rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 10_000, linkinator);
    case "report":
        return await ReportBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000);
    case "screenshot":
        return await ScreenshotBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
    case "warc":
        return await WarcBenchmark.RunAsync(args.Length > 1 ? args[1..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [256, 1024]);
    default:
        Console.WriteLine("usage: Archive.Bench capture [PAGES=200] [CONCURRENCY...=1 default] [--latency MS] [--hung N] [--hung-last] [--no-naive] | accuracy [--verbose] | diff [PERTURBATIONS=1000] | media [PAIRS=1000] | links [LINKS=10000] [--linkinator PATH] | report [SEEDS=10000] | warc [MB...=256 1024] | screenshot [PAGES=30] [ROUNDS=3]");
        return 2;
}
