using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;

namespace MediaAdmin.Tests.Cdn.Purge;

/// <summary>Who may see and act on deletions' purges, and what each action records; purging is manual here, so states hold still.</summary>
public sealed class CdnPurgeServiceTests : IAsyncLifetime
{
    private PurgeHost _host = null!;

    public async Task InitializeAsync() => _host = await PurgeHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_viewer_sees_deletions_and_their_urls_but_may_not_refresh_retry_or_mark_done()
    {
        var editor = await _host.App.CreateUserAsync(RoleNames.Editor);
        var viewer = await _host.App.CreateUserAsync(RoleNames.Viewer);
        var requestId = await _host.DeleteHlsAssetAsync(editor.Id);

        var page = (await _host.Queries.ListAsync(viewer.Id, new CdnPurgeListQuery())).Value;
        var detail = (await _host.Queries.DetailAsync(viewer.Id, requestId)).Value;

        Assert.Contains(page.Items, s => s.RequestId == requestId);
        Assert.False(page.CanPurge);
        Assert.Equal((false, false, CdnPurgeProviderKind.Http), (detail.CanPurge, detail.CanMarkDone, detail.Provider));
        Assert.Equal(ResultStatus.Forbidden, (await _host.Purges.RefreshNowAsync(viewer.Id, [requestId])).Status);
        Assert.Equal(ResultStatus.Forbidden, (await _host.Purges.RetryAsync(viewer.Id, requestId)).Status);
        Assert.Equal(ResultStatus.Forbidden, (await _host.Purges.MarkDoneAsync(viewer.Id, requestId, "seen it")).Status);
        var after = (await _host.Queries.DetailAsync(editor.Id, requestId)).Value.Summary;
        Assert.Equal((CdnPurgeState.Pending, true, 0), (after.State, after.IsOpen, after.Attempts));
        Assert.True((await _host.Queries.DetailAsync(editor.Id, requestId)).Value.CanMarkDone);
    }

    [Fact]
    public async Task A_user_without_read_permission_sees_nothing()
    {
        var editor = await _host.App.CreateUserAsync(RoleNames.Editor);
        var requestId = await _host.DeleteHlsAssetAsync(editor.Id);

        Assert.Equal(ResultStatus.Forbidden, (await _host.Queries.ListAsync("no-such-user", new CdnPurgeListQuery())).Status);
        Assert.Equal(ResultStatus.Forbidden, (await _host.Queries.DetailAsync("no-such-user", requestId)).Status);
        Assert.Equal(ResultStatus.Forbidden, (await _host.Queries.ExportCsvAsync("no-such-user", new CdnPurgeListQuery())).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Marking_done_without_a_reason_is_refused_and_changes_nothing(string? reason)
    {
        var editor = await _host.App.CreateUserAsync(RoleNames.Editor);
        var requestId = await _host.DeleteHlsAssetAsync(editor.Id);

        var refused = await _host.Purges.MarkDoneAsync(editor.Id, requestId, reason);

        Assert.Equal(ResultStatus.Invalid, refused.Status);
        Assert.Contains("Say why", refused.Error, StringComparison.Ordinal);
        Assert.True((await _host.Queries.DetailAsync(editor.Id, requestId)).Value.Summary.IsOpen);
    }

    [Fact]
    public async Task Marking_done_records_who_when_and_why_closes_the_reminder_and_cannot_be_done_twice()
    {
        var editor = await _host.App.CreateUserAsync(RoleNames.Editor, "Erin Editor");
        var requestId = await _host.DeleteHlsAssetAsync(editor.Id);

        var done = await _host.Purges.MarkDoneAsync(editor.Id, requestId, "  Refreshed by hand in the Alibaba console  ");

        Assert.True(done.IsSuccess);
        var summary = (await _host.Queries.DetailAsync(editor.Id, requestId)).Value.Summary;
        Assert.Equal((false, "Refreshed by hand in the Alibaba console"), (summary.IsOpen, summary.DoneReason));
        Assert.NotNull(summary.DoneAtUtc);
        Assert.NotNull(summary.DoneBy);
        var again = await _host.Purges.MarkDoneAsync(editor.Id, requestId, "again");
        Assert.Equal(ResultStatus.Conflict, again.Status);
        Assert.Contains("Refreshed by hand", again.Error, StringComparison.Ordinal);
        var refresh = (await _host.Purges.RefreshNowAsync(editor.Id, [requestId])).Value;
        Assert.Empty(refresh.Queued);
        Assert.StartsWith("Already closed", Assert.Single(refresh.Skipped).Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(requestId, (await _host.Queries.ListAsync(editor.Id, new CdnPurgeListQuery(OpenOnly: true))).Value.Items.Select(i => i.RequestId));
    }

    [Fact]
    public async Task Refresh_now_for_a_selection_queues_the_known_deletions_and_says_why_it_skipped_the_rest()
    {
        var editor = await _host.App.CreateUserAsync(RoleNames.Editor);
        var requestId = await _host.DeleteHlsAssetAsync(editor.Id);
        var unknown = Guid.NewGuid().ToString("D").ToUpperInvariant();

        var refreshed = (await _host.Purges.RefreshNowAsync(editor.Id, [requestId.ToLowerInvariant(), unknown])).Value;

        Assert.Equal([requestId], refreshed.Queued);
        Assert.Equal(unknown, Assert.Single(refreshed.Skipped).RequestId);
        Assert.Equal(ResultStatus.Invalid, (await _host.Purges.RefreshNowAsync(editor.Id, [])).Status);
        Assert.Equal(ResultStatus.NotFound, (await _host.Purges.RefreshNowAsync(editor.Id, [unknown])).Status);
        Assert.Equal(ResultStatus.NotFound, (await _host.Queries.DetailAsync(editor.Id, unknown)).Status);
        Assert.Equal(ResultStatus.Conflict, (await _host.Purges.RetryAsync(editor.Id, requestId)).Status);
    }

    [Fact]
    public async Task Export_lists_the_filtered_deletions_as_csv_one_line_each()
    {
        var editor = await _host.App.CreateUserAsync(RoleNames.Editor);
        var open = await _host.DeleteHlsAssetAsync(editor.Id);
        var closed = await _host.DeleteHlsAssetAsync(editor.Id);
        await _host.Purges.MarkDoneAsync(editor.Id, closed, "=cmd, \"quoted\"");

        var all = (await _host.Queries.ExportCsvAsync(editor.Id, new CdnPurgeListQuery())).Value;
        var openOnly = (await _host.Queries.ExportCsvAsync(editor.Id, new CdnPurgeListQuery(CdnPurgeState.Pending, OpenOnly: true))).Value;

        var lines = all.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("request_id,deleted_at_utc,deleted_by,video_ids,state,open,", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith(closed + ",", StringComparison.Ordinal) && l.EndsWith(",\"'=cmd, \"\"quoted\"\"\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(open + ",", StringComparison.Ordinal) && l.Contains(",Pending,yes,", StringComparison.Ordinal));
        Assert.Contains(open, openOnly, StringComparison.Ordinal);
        Assert.DoesNotContain(closed, openOnly, StringComparison.Ordinal);
        Assert.Equal(ResultStatus.Invalid, (await _host.Queries.ListAsync(editor.Id, new CdnPurgeListQuery(PageSize: 0))).Status);
    }
}
