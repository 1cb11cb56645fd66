using System.Diagnostics;

namespace MediaAdmin.Benchmarks;

/// <summary>Brings the disk to rest between writing a benchmark's files and timing what it does with them.</summary>
internal static class DiskFlush
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    /// <summary>Has the kernel write every dirty page back (sync(1)), so no timed removal starts with its files still unwritten, then lets the disk settle.</summary>
    public static async Task FlushAndSettleAsync()
    {
        using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false }) ?? throw new InvalidOperationException("sync did not start");
        await sync.WaitForExitAsync();

        // The disk stays busy for a moment after sync returns (the hosts' log checkpoints, the file system's journal):
        // a delete timed in that moment answered in 45 to 74 ms against 10 to 20 ms a few seconds later, whatever its
        // file count.
        await Task.Delay(Settle);
    }
}
