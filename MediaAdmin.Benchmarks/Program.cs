using MediaAdmin.Benchmarks;

var modes = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.Ordinal)
{
    ["delete"] = DeleteBenchmark.RunAsync,
    ["list"] = ListBenchmark.RunAsync,
    ["ingest"] = IngestBenchmark.RunAsync,
    ["upload"] = UploadBenchmark.RunAsync,
    ["circuits"] = CircuitsBenchmark.RunAsync,
    ["load"] = LoadBenchmark.RunAsync,
    ["delete-heavy"] = DeleteHeavyBenchmark.RunAsync,
    ["sync"] = SyncBenchmark.RunAsync,
};

if (args.Length == 0 || !modes.TryGetValue(args[0], out var run))
{
    await Console.Error.WriteLineAsync($"usage: dotnet run -c Release --project MediaAdmin.Benchmarks -- <{string.Join("|", modes.Keys)}> [--rounds N] (load: [--seconds N] [--redis]; sync: [--rate N] [--assets N])");
    return 2;
}

BenchmarkLeftovers.Start();
return await run(args[1..]);
