using Microsoft.Extensions.Hosting;

namespace MediaAdmin.Benchmarks;

/// <summary>
/// A benchmark's hosts are parts of it, not programs of their own: the default console lifetime of each took Ctrl+C
/// and SIGTERM for itself (stopping only that host), so a benchmark could not be stopped. With this one the signal ends
/// the benchmark, and <see cref="BenchmarkLeftovers"/> removes what it leaves.
/// </summary>
internal sealed class BenchmarkHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
