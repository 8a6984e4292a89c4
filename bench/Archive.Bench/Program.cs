using System.Globalization;
using Archive.Bench;
using Archive.Pipeline;

// dotnet run -c Release --project bench/Archive.Bench -- capture [PAGES] [CONCURRENCY...]
// Results are recorded in docs/performance.md.
var command = args.Length > 0 ? args[0] : "help";
switch (command)
{
    case "capture":
        var pages = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var concurrencies = args.Length > 2 ? args[2..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1, CheckOptions.DefaultConcurrency];
        return await CaptureBenchmark.RunAsync(pages, concurrencies);
    default:
        Console.WriteLine("usage: Archive.Bench capture [PAGES=200] [CONCURRENCY...=1 default]");
        return 2;
}
