using MediaAdmin.Core.Data;
using MediaAdmin.Core.Reconciliation;
using MediaAdmin.Core.Results;
using MediaAdmin.Core.Storage;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Reconciliation;

/// <summary>What the reconciliation tests do to a Core host: plant files, age them, run and wait for a run.</summary>
internal static class ReconciliationHost
{
    /// <summary>Small pages, so a handful of files spans several; a short lease and poll, so a restart carries on quickly.</summary>
    public static Dictionary<string, string?> Settings { get; } = new()
    {
        ["Reconcile:PageSize"] = "2",
        ["Reconcile:RunLease"] = "00:00:02",
        ["Reconcile:WorkerPollInterval"] = "00:00:00.100",
        ["Reconcile:OrphanGracePeriod"] = "01:00:00",
    };

    public static async Task<string> PlantAsync(this CoreHost app, string key, TimeSpan age)
    {
        var storage = app.Services.GetRequiredService<IMediaStorage>();
        await storage.WriteAsync(StorageKey.Parse(key), new MemoryStream([1, 2, 3]));
        AgeFile(app, key, age);
        return key;
    }

    /// <summary>Makes a stored file look last written <paramref name="age"/> ago.</summary>
    public static void AgeFile(this CoreHost app, string key, TimeSpan age) =>
        File.SetLastWriteTimeUtc(Path.Combine(app.StorageRoot, key), DateTime.UtcNow - age);

    public static void AgeEveryFile(this CoreHost app, TimeSpan age)
    {
        foreach (var file in Directory.EnumerateFiles(app.StorageRoot, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow - age);
        }
    }

    public static ReconciliationService Reconciliation(this CoreHost app) => app.Services.GetRequiredService<ReconciliationService>();

    /// <summary>Starts a run as the user and waits until the background worker finished it.</summary>
    public static async Task<ReconciliationSummary> ReconcileAsync(this CoreHost app, string userId, bool fix)
    {
        var started = await app.Reconciliation().StartAsync(userId, fix);
        Assert.True(started.IsSuccess, started.Error);
        return await app.WaitForRunAsync(started.Value.Id);
    }

    public static async Task<ReconciliationSummary> WaitForRunAsync(this CoreHost app, long runId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            await using var db = await app.OpenDbAsync();
            var run = await db.ReconciliationRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
            if (run.State != ReconciliationState.Running)
            {
                return ReconciliationSummary.From(run);
            }

            Assert.True(DateTime.UtcNow < deadline, $"reconciliation run {runId} did not finish in time (at {run.KeysScanned} keys, {run.FilesChecked} files)");
            await Task.Delay(50);
        }
    }

    public static async Task<List<ReconciliationFinding>> FindingsAsync(this CoreHost app, long runId, FindingKind kind)
    {
        await using var db = await app.OpenDbAsync();
        return await db.ReconciliationFindings.AsNoTracking().Where(f => f.RunId == runId && f.Kind == kind).OrderBy(f => f.StorageKey).ToListAsync();
    }

    public static async Task<int> MissingFilesOfAsync(this CoreHost app, string assetId)
    {
        await using var db = await app.OpenDbAsync();
        return await db.MediaAssets.Where(a => a.Id == assetId).Select(a => a.MissingFiles).SingleAsync();
    }

    public static void AssertProblem<T>(Result<T> result, ResultStatus status, string messagePart)
    {
        Assert.Equal(status, result.Status);
        Assert.Contains(messagePart, result.Error, StringComparison.Ordinal);
    }
}
