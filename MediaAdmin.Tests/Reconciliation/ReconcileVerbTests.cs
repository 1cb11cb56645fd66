using MediaAdmin.Core;
using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Reconciliation;
using MediaAdmin.Core.Storage;
using MediaAdmin.Tests.Support;
using MediaAdmin.Web.Cli;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Reconciliation;

/// <summary>'reconcile [--fix]' end to end: progress lines, a summary, the exit code, and clear messages for bad arguments.</summary>
public sealed class ReconcileVerbTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CliHarness _cli;

    public ReconcileVerbTests() => _cli = new CliHarness(_folder.Path);

    [Fact]
    public async Task Reconcile_reports_orphans_and_missing_files_and_with_fix_removes_the_old_orphan_and_marks_the_asset()
    {
        var (stray, assetId) = await PlantAsync();

        var (exit, output, errors) = await _cli.RunAsync("reconcile");

        Assert.Equal((0, ""), (exit, errors));
        var lines = Lines(output);
        Assert.StartsWith("Run 1 (dry run) started by command line on ", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("%  Storage", StringComparison.Ordinal));
        Assert.Equal("Run 1 done (dry run): 5 stored files and 5 library files checked, 1 orphans, 1 missing, 0 fixed.", lines[^1]);
        Assert.True(File.Exists(stray));

        (exit, output, errors) = await _cli.RunAsync("reconcile", "--fix");

        Assert.Equal((0, ""), (exit, errors));
        Assert.Equal("Run 2 done (fix): 5 stored files and 5 library files checked, 1 orphans, 1 missing, 2 fixed.", Lines(output)[^1]);
        Assert.False(File.Exists(stray));
        await _cli.WithServicesAsync(async services =>
            Assert.Equal(1, await services.GetRequiredService<MediaDbContext>().MediaAssets.Where(a => a.Id == assetId).Select(a => a.MissingFiles).SingleAsync()));
    }

    [Fact]
    public async Task Reconcile_while_another_process_holds_a_run_says_so_and_exits_1()
    {
        await PlantAsync();
        await _cli.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<MediaDbContext>();
            db.ReconciliationRuns.Add(new ReconciliationRun
            {
                RunBy = "ada@example.com", Fix = true, State = ReconciliationState.Running, Unfinished = true,
                LeasedUntilUtc = DateTime.UtcNow.AddMinutes(5), StartedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });

        var (exit, _, errors) = await _cli.RunAsync("reconcile", "--fix");

        Assert.Equal(1, exit);
        Assert.Contains("Reconciliation run 1 (fix, started by ada@example.com at ", errors, StringComparison.Ordinal);
        Assert.Contains("is still in progress; one run at a time.", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "reconcile", "--fix", "yes" }, "'reconcile': expected '--option value' pairs, got 'yes'.")]
    [InlineData(new[] { "reconcile", "--force", "1" }, "'reconcile' does not take --force.")]
    [InlineData(new[] { "reconcile", "now" }, "'reconcile': expected '--option value' pairs, got 'now'.")]
    public void Bad_arguments_are_refused_with_a_clear_message(string[] args, string message)
    {
        Assert.False(CliVerb.TryParse(args, out _, out _, out var error));
        Assert.Equal(message, error);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    /// <summary>An asset of five files with one of them lost, and an old stray file: the full path of the stray and the asset's id.</summary>
    private async Task<(string Stray, string AssetId)> PlantAsync()
    {
        Assert.Equal(0, (await _cli.RunAsync("create-user", "--email", "ada@example.com", "--role", "Administrator")).Exit);
        string stray = "", assetId = "";
        await _cli.WithServicesAsync(async services =>
        {
            var owner = await services.GetRequiredService<UserManager<MediaUser>>().FindByEmailAsync("ada@example.com");
            var asset = await services.GetRequiredService<AssetIngestion>().IngestAsync(Drafts.Video(owner!.Id, "Harbour"));
            var storage = services.GetRequiredService<IMediaStorage>();
            await storage.DeleteAsync(StorageKey.Parse(asset.Files.First(f => f.Kind == MediaFileKind.Snapshot).StorageKey));
            await storage.WriteAsync(StorageKey.Parse("exports/old-report.csv"), new MemoryStream([1]));
            var root = services.GetRequiredService<MediaAdminPaths>().StorageRoot;
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-2));
            }

            stray = Path.Combine(root, "exports", "old-report.csv");
            assetId = asset.Id;
        });
        return (stray, assetId);
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
