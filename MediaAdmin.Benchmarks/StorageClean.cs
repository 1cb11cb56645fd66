using MediaAdmin.Core.Deletion;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Benchmarks;

/// <summary>Waits for the moment a deletion's files are all gone from storage, as its progress reports it.</summary>
internal static class StorageClean
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    public static async Task WaitAsync(BenchmarkHost host, string requestId)
    {
        var progress = host.Services.GetRequiredService<FileRemovalProgressService>();
        var giveUpAt = DateTime.UtcNow + Deadline;
        while (!(await progress.GetAsync(requestId)).IsClean)
        {
            if (DateTime.UtcNow > giveUpAt)
            {
                throw new TimeoutException($"the files of {requestId} were not removed within {Deadline}");
            }

            await Task.Delay(Poll);
        }
    }
}
