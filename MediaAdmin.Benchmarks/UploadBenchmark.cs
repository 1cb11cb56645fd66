using System.Diagnostics;
using System.Globalization;
using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Permissions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Benchmarks;

/// <summary>
/// A 2 GB file uploaded by a signed-in Editor to the real console on 127.0.0.1, in 8 MB chunks as upload.js sends
/// them, timed from the first chunk to the last chunk's answer; against the floor for the same bytes: the same file
/// copied to the same disk with a FileStream in 8 MB reads and writes. Dirty pages are flushed (sync) before each
/// timed part, so neither pays for the other's write-back. Rounds alternate who goes first.
/// </summary>
internal static class UploadBenchmark
{
    private const long FileBytes = 2L * 1024 * 1024 * 1024;
    private const string Password = "Bench-Password-1";

    public static Task<int> RunAsync(string[] args) =>
        BenchmarkFolder.RunInAsync("mediaadmin-upload-", root => RunInAsync(root, Stats.Rounds(args, 1)));

    private static async Task<int> RunInAsync(string root, int rounds)
    {
        var source = Path.Combine(root, "mezzanine.mxf");
        await WriteRandomFileAsync(source);
        var app = await StartConsoleAsync(Path.Combine(root, "console"));
        try
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var created = await scope.ServiceProvider.GetRequiredService<AccountProvisioning>().CreateAsync("upload@example.com", RoleNames.Editor, Password);
                _ = created.User ?? throw new InvalidOperationException(string.Join("; ", created.Errors));
            }

            using var editor = await ConsoleUploader.SignInAsync(new Uri(app.Urls.Single()), "upload@example.com", Password);
            var uploadTimes = new List<double>();
            var floorTimes = new List<double>();
            var floorTarget = Path.Combine(root, "console", "floor.part");
            for (var round = 0; round < rounds; round++)
            {
                if (round % 2 == 0)
                {
                    uploadTimes.Add(await TimeUploadAsync(editor, source));
                    floorTimes.Add(await TimeFloorAsync(source, floorTarget));
                }
                else
                {
                    floorTimes.Add(await TimeFloorAsync(source, floorTarget));
                    uploadTimes.Add(await TimeUploadAsync(editor, source));
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: upload_s={uploadTimes[^1]:F2} floor_s={floorTimes[^1]:F2}"));
            }

            var uploadMbPerSecond = FileBytes / 1e6 / Stats.Median(uploadTimes);
            var floorMbPerSecond = FileBytes / 1e6 / Stats.Median(floorTimes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"upload: bytes={FileBytes} seconds={Stats.Median(uploadTimes):F2} mb_per_s={uploadMbPerSecond:F1} disk_floor_mb_per_s={floorMbPerSecond:F1} ratio={uploadMbPerSecond / floorMbPerSecond:F2}"));
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<double> TimeUploadAsync(ConsoleUploader editor, string source)
    {
        var id = await editor.StartAsync("mezzanine.mxf", FileBytes);
        await FlushDirtyPagesAsync();
        var clock = Stopwatch.StartNew();
        await editor.SendAsync(id, source);
        var elapsed = clock.Elapsed.TotalSeconds;

        // Completing would only hear that the bytes are not media; cancelling removes the partial file the same way.
        await editor.CancelAsync(id);
        return elapsed;
    }

    private static async Task<double> TimeFloorAsync(string source, string target)
    {
        await FlushDirtyPagesAsync();
        var buffer = new byte[ConsoleUploader.ChunkBytes];
        var clock = Stopwatch.StartNew();
        await using (var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan))
        await using (var to = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous))
        {
            int read;
            while ((read = await from.ReadAsync(buffer)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read));
            }
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        File.Delete(target);
        return elapsed;
    }

    /// <summary>Random-ish bytes (one random 8 MB block, varied per chunk) so nothing on the way can compress or dedupe them.</summary>
    private static async Task WriteRandomFileAsync(string path)
    {
        var block = new byte[ConsoleUploader.ChunkBytes];
        Random.Shared.NextBytes(block);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        for (long written = 0; written < FileBytes; written += block.Length)
        {
            BitConverter.TryWriteBytes(block, written);
            await file.WriteAsync(block);
        }
    }

    private static async Task FlushDirtyPagesAsync() => await ToolRun.RunAsync("sync", [], CancellationToken.None);

    /// <summary>
    /// The console alone on a port the OS picks; the API's port (<c>Api:Port</c>) is not listened on, so no request
    /// goes there. Settings and content come from the output folder, where the console's appsettings.json is copied.
    /// </summary>
    private static Task<WebApplication> StartConsoleAsync(string dataFolder) => BenchmarkConsole.StartAsync(dataFolder, AppContext.BaseDirectory);
}
