using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Permissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Cdn.Purge;

/// <summary>How a deletion's purge moves from Pending to Verified or Failed, driven by the real worker against a stand-in edge.</summary>
public sealed class CdnPurgeWorkflowTests
{
    private static readonly Dictionary<string, string?> Automatic = new() { ["Cdn:Purge:Automatic"] = "true" };

    [Fact]
    public async Task Automatic_purge_sends_a_purge_per_file_with_the_public_host_and_path_then_probes_a_sample_and_verifies()
    {
        await using var host = await PurgeHost.StartAsync(Automatic);
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);

        var requestId = await host.DeleteHlsAssetAsync(editor.Id);

        var verified = await host.WaitForAsync(editor.Id, requestId, d => d.Summary.State is CdnPurgeState.Verified or CdnPurgeState.Failed);
        Assert.Equal(CdnPurgeState.Verified, verified.Summary.State);
        var files = verified.Urls.Where(u => !u.IsFolder).ToList();
        Assert.Equal(4 + PurgeFixtures.SegmentCount, files.Count);
        var purges = host.Edge.Purges.ToList();
        Assert.Equal(files.Select(f => new Uri(f.Url).AbsolutePath).Order(StringComparer.Ordinal), purges.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.All(purges, p => Assert.Equal(("PURGE", $"localhost:{host.Edge.Address.Port}"), (p.Method, p.Host)));
        Assert.Equal(4 + 2, files.Count(f => f.Probed));
        Assert.All(files.Where(f => f.Probed), f => Assert.Equal(404, f.ProbeStatus));
        Assert.Equal(2, files.Count(f => f.Probed && f.Url.EndsWith(".m4s", StringComparison.Ordinal)));
        Assert.False(verified.Summary.IsOpen);
        Assert.Equal(new CdnPurgeProgress(files.Count, files.Count, 0, 6, 6), verified.Summary.Progress);
    }

    [Fact]
    public async Task Without_automatic_purging_a_deletion_stays_pending_until_someone_asks_for_refresh_now()
    {
        await using var host = await PurgeHost.StartAsync();
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);
        var requestId = await host.DeleteHlsAssetAsync(editor.Id);

        await host.App.WaitForNoPendingDeletionsAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        var waiting = (await host.Queries.DetailAsync(editor.Id, requestId)).Value;
        Assert.Equal((CdnPurgeState.Pending, 0), (waiting.Summary.State, waiting.Summary.Attempts));
        Assert.Empty(host.Edge.Purges);
        Assert.Contains(waiting.Urls, u => u.Url.EndsWith("/hls/sd/seg-005.m4s", StringComparison.Ordinal));

        await host.Purges.RefreshNowAsync(editor.Id, [requestId]);

        var verified = await host.WaitForAsync(editor.Id, requestId, d => d.Summary.State is CdnPurgeState.Verified or CdnPurgeState.Failed);
        Assert.Equal(CdnPurgeState.Verified, verified.Summary.State);
    }

    [Fact]
    public async Task An_edge_answering_503_is_retried_with_back_off_until_max_attempts_then_failed_and_retry_starts_over()
    {
        await using var host = await PurgeHost.StartAsync(new Dictionary<string, string?>(Automatic) { ["Cdn:Purge:MaxAttempts"] = "3" });
        host.Edge.PurgeStatus = 503;
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);
        var requestId = await host.DeleteHlsAssetAsync(editor.Id);

        var failed = await host.WaitForAsync(editor.Id, requestId, d => d.Summary.State == CdnPurgeState.Failed);
        Assert.Equal(3, failed.Summary.Attempts);
        Assert.StartsWith("Gave up after 3 attempts", failed.Summary.Error, StringComparison.Ordinal);
        Assert.Contains("503", failed.Summary.Error, StringComparison.Ordinal);

        host.Edge.PurgeStatus = 200;
        Assert.True((await host.Purges.RetryAsync(editor.Id, requestId)).IsSuccess);
        var verified = await host.WaitForAsync(editor.Id, requestId, d => d.Summary.State is CdnPurgeState.Verified or CdnPurgeState.Failed);
        Assert.Equal(CdnPurgeState.Verified, verified.Summary.State);
    }

    [Fact]
    public async Task An_edge_refusing_purge_with_405_fails_at_once_naming_the_url_and_the_answer()
    {
        await using var host = await PurgeHost.StartAsync(Automatic);
        host.Edge.PurgeStatus = 405;
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);
        var requestId = await host.DeleteHlsAssetAsync(editor.Id);

        var failed = await host.WaitForAsync(editor.Id, requestId, d => d.Summary.State == CdnPurgeState.Failed);

        Assert.Equal(1, failed.Summary.Attempts);
        Assert.Contains("405", failed.Summary.Error, StringComparison.Ordinal);
        Assert.Contains($"localhost:{host.Edge.Address.Port}/cdn/media/", failed.Summary.Error, StringComparison.Ordinal);
        Assert.All(failed.Urls.Where(u => !u.IsFolder), u => Assert.False(u.Accepted));
    }

    [Fact]
    public async Task Back_off_doubles_after_each_failed_attempt_up_to_the_maximum()
    {
        await using var host = await PurgeHost.StartAsync();
        var settings = host.App.Services.GetRequiredService<IOptions<CdnPurgeOptions>>().Value;

        var delays = Enumerable.Range(1, 5).Select(attempt => CdnPurgeTransitions.Backoff(settings, attempt)).ToList();

        Assert.Equal([100, 200, 400, 500, 500], delays.Select(d => (int)d.TotalMilliseconds));
    }

    [Fact]
    public async Task A_spent_quota_makes_the_purge_wait_until_the_time_the_provider_names_without_counting_an_attempt()
    {
        var until = DateTime.UtcNow.Date.AddDays(1);
        var provider = new ScriptedPurgeProvider { Submit = _ => CdnPurgeSubmission.Wait(until, "The 2,000 URL refreshes of today are used up.") };
        await using var host = await PurgeHost.StartAsync(Automatic, provider);
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);

        var requestId = await host.DeleteHlsAssetAsync(editor.Id);

        var waiting = await host.WaitForAsync(editor.Id, requestId, d => d.Summary.WaitUntilUtc is not null);
        Assert.Equal((CdnPurgeState.Pending, 0, until), (waiting.Summary.State, waiting.Summary.Attempts, waiting.Summary.WaitUntilUtc));
        Assert.Equal("The 2,000 URL refreshes of today are used up.", waiting.Summary.WaitReason);
        Assert.Equal(until, waiting.Summary.NextAttemptAtUtc);
        Assert.Equal(1990, waiting.Quota!.UrlsLeft);
    }

    [Fact]
    public async Task Provider_tasks_are_followed_until_complete_before_the_probe_verifies()
    {
        var provider = new ScriptedPurgeProvider { Submit = batch => ScriptedPurgeProvider.AcceptAll(batch, "task-1", "task-2") };
        provider.Check = ids => new CdnPurgeTaskCheck(ids.Select(id => new CdnPurgeTaskState(id, provider.Checks < 3 ? CdnPurgeTaskStatus.Running : CdnPurgeTaskStatus.Complete)).ToList());
        await using var host = await PurgeHost.StartAsync(Automatic, provider);
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);

        var requestId = await host.DeleteHlsAssetAsync(editor.Id);

        var verified = await host.WaitForAsync(editor.Id, requestId, d => d.Summary.State is CdnPurgeState.Verified or CdnPurgeState.Failed);
        Assert.Equal(CdnPurgeState.Verified, verified.Summary.State);
        Assert.Equal(["task-1", "task-2"], verified.TaskIds);
        Assert.True(provider.Checks >= 3);
        Assert.Single(provider.Batches);
    }

    [Fact]
    public async Task A_provider_task_that_fails_fails_the_purge_with_the_providers_reason()
    {
        var provider = new ScriptedPurgeProvider
        {
            Submit = batch => ScriptedPurgeProvider.AcceptAll(batch, "task-9"),
            Check = ids => new CdnPurgeTaskCheck(ids.Select(id => new CdnPurgeTaskState(id, CdnPurgeTaskStatus.Failed, "InternalError")).ToList()),
        };
        await using var host = await PurgeHost.StartAsync(Automatic, provider);
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);

        var requestId = await host.DeleteHlsAssetAsync(editor.Id);

        var failed = await host.WaitForAsync(editor.Id, requestId, d => d.Summary.State == CdnPurgeState.Failed);
        Assert.Equal("The CDN's purge tasks failed: task-9: InternalError", failed.Summary.Error);
        Assert.True(failed.CanPurge);
    }

    [Fact]
    public async Task A_purge_a_dead_process_left_in_purging_is_resumed_once_its_lease_ends()
    {
        await using var host = await PurgeHost.StartAsync();
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);
        var requestId = await host.DeleteHlsAssetAsync(editor.Id);
        await using (var db = await host.App.OpenDbAsync())
        {
            // What a process that died while sending leaves behind: Purging, one attempt, a lease that has run out.
            await db.CdnInvalidations.Where(i => i.RequestId == requestId).ExecuteUpdateAsync(set => set
                .SetProperty(i => i.PurgeState, CdnPurgeState.Purging)
                .SetProperty(i => i.PurgeAttempts, 1)
                .SetProperty(i => i.NextPurgeAtUtc, DateTime.UtcNow.AddSeconds(-1)));
        }

        var verified = await host.WaitForAsync(editor.Id, requestId, d => d.Summary.State is CdnPurgeState.Verified or CdnPurgeState.Failed);

        Assert.Equal((CdnPurgeState.Verified, 2), (verified.Summary.State, verified.Summary.Attempts));
        Assert.NotEmpty(host.Edge.Purges);
    }

    [Fact]
    public async Task A_reminder_written_before_purging_existed_is_purged_from_its_url_list_on_refresh_now_even_when_automatic()
    {
        await using var host = await PurgeHost.StartAsync(new Dictionary<string, string?>(Automatic) { ["Cdn:Purge:Http:BanPrefix"] = "true" });
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);
        var videoId = Core.Library.VideoId.New();
        var cdn = $"http://localhost:{host.Edge.Address.Port}/cdn/media/{videoId}/";
        var requestId = Guid.NewGuid().ToString("D").ToUpperInvariant();
        await using (var db = await host.App.OpenDbAsync())
        {
            db.CdnInvalidations.Add(new Core.Cdn.CdnInvalidation
            {
                RequestId = requestId, DeletedByUserId = editor.Id, DeletedByName = "someone", DeletedAtUtc = DateTime.UtcNow.AddDays(-1),
                VideoIds = videoId, UrlList = $"{cdn}source.mp4\n{cdn}hls/sd/index.m3u8\n{cdn}hls/sd/", UrlCount = 3,
            });
            await db.SaveChangesAsync();
        }

        var refreshed = (await host.Purges.RefreshNowAsync(editor.Id, [requestId])).Value;

        Assert.Equal([requestId], refreshed.Queued);
        var verified = await host.WaitForAsync(editor.Id, requestId, d => d.Summary.State is CdnPurgeState.Verified or CdnPurgeState.Failed);
        Assert.Equal(CdnPurgeState.Verified, verified.Summary.State);
        var ban = Assert.Single(host.Edge.Purges);
        Assert.Equal(("BAN", $"/cdn/media/{videoId}/"), (ban.Method, ban.BanPrefix));
    }
}
