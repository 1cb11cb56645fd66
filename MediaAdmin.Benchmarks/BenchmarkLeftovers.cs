using System.Diagnostics;
using System.Globalization;

namespace MediaAdmin.Benchmarks;

/// <summary>
/// What a benchmark started or made (child servers, temp folders) is removed even when the benchmark ends before it
/// could remove it: Ctrl+C, SIGTERM, a crash or SIGKILL. A shell started first waits until its input closes, which the
/// kernel does when this process ends however it ends, then kills the processes and removes the folders still listed.
/// Whatever a benchmark disposes itself is taken off the list first.
/// </summary>
internal static class BenchmarkLeftovers
{
    // Ignores the terminal's Ctrl+C, which reaches the whole process group: it must outlive the benchmark to clean up.
    // A process is killed only if its start time (field 22 of /proc/PID/stat, the 20th after the command's closing
    // parenthesis) is still the one listed: a child that exited on its own may have left its ID to an unrelated process.
    private const string Watchdog =
        "trap '' INT TERM HUP; list=$1; cat > /dev/null; " +
        "if [ -f \"$list\" ]; then while read -r kind value; do case \"$kind\" in " +
        "pid) set -- $value; [ \"$(sed 's/.*) //' /proc/\"$1\"/stat 2>/dev/null | cut -d' ' -f20)\" = \"$2\" ] && kill -9 \"$1\" 2>/dev/null;; " +
        "dir) rm -rf -- \"$value\";; esac; done < \"$list\"; fi; " +
        "rm -rf -- \"$(dirname -- \"$list\")\"";

    // In a folder of its own (made with owner-only access), since what it lists is removed with rm -rf.
    private static readonly string ListPath = Path.Combine(Directory.CreateTempSubdirectory("mediaadmin-benchmark-").FullName, "leftovers");
    private static readonly Lock Gate = new();
    private static readonly List<string> Listed = [];
    private static Process? _watchdog;

    /// <summary>Starts the watchdog; call once, before anything is listed.</summary>
    public static void Start()
    {
        File.WriteAllText(ListPath, string.Empty);
        _watchdog = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", Watchdog, "benchmark-leftovers", ListPath])
        {
            RedirectStandardInput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("the leftovers watchdog (/bin/sh) did not start");
    }

    /// <summary>Lists a folder to remove should the benchmark end first; dispose the result once it is removed.</summary>
    public static IDisposable Folder(string path) => List($"dir {Path.GetFullPath(path)}");

    /// <summary>Lists a child process to kill should the benchmark end first; dispose the result once it is stopped.</summary>
    public static IDisposable ChildProcess(int processId) =>
        List($"pid {processId.ToString(CultureInfo.InvariantCulture)} {StartTime(processId)}");

    /// <summary>The process's start time in clock ticks since boot, as /proc/PID/stat gives it; "gone" when it has already exited.</summary>
    private static string StartTime(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
        }
        catch (IOException)
        {
            return "gone";
        }
    }

    private static Listing List(string entry)
    {
        lock (Gate)
        {
            Listed.Add(entry);
            Save();
        }

        return new Listing(entry);
    }

    private static void Save()
    {
        if (_watchdog is null)
        {
            throw new InvalidOperationException("BenchmarkLeftovers.Start was not called");
        }

        // Written whole to a new file and moved over the list, so the watchdog never reads half of one.
        var next = ListPath + ".next";
        File.WriteAllLines(next, Listed);
        File.Move(next, ListPath, overwrite: true);
    }

    private sealed class Listing(string entry) : IDisposable
    {
        private string? _entry = entry;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _entry, null) is { } listed)
            {
                lock (Gate)
                {
                    Listed.Remove(listed);
                    Save();
                }
            }
        }
    }
}
