using System.Globalization;
using Archive.Bench;
using Archive.Pipeline;

// dotnet run -c Release --project bench/Archive.Bench -- capture [PAGES] [CONCURRENCY...]
// dotnet run -c Release --project bench/Archive.Bench -- diff [PERTURBATIONS]
// Results are recorded in docs/performance.md.
var command = args.Length > 0 ? args[0] : "help";
switch (command)
{
    case "capture":
        var pages = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var concurrencies = args.Length > 2 ? args[2..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1, CheckOptions.DefaultConcurrency];
        return await CaptureBenchmark.RunAsync(pages, concurrencies);
    case "diff":
        return DiffBenchmark.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000);
    default:
        Console.WriteLine("usage: Archive.Bench capture [PAGES=200] [CONCURRENCY...=1 default] | diff [PERTURBATIONS=1000]");
        return 2;
}
