using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Audit;

public sealed class AuditLogServiceTests : CoreHostTest
{
    [Fact]
    public async Task The_log_finds_a_deletion_by_video_id_and_exports_one_csv_line_per_id()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var asset = await App.AddAssetAsync(admin.Id, title: "=HYPERLINK(\"x\"), \"quoted\"");
        var missing = VideoId.New();
        var result = await App.Deletion.DeleteAsync(new DeletionCaller(admin.Id, DeletionChannel.Api, "LTAIkey"), $"{asset.Id},{missing}");
        var log = App.Services.GetRequiredService<AuditLogService>();

        var found = Assert.Single((await log.SearchAsync(admin.Id, new AuditQuery(asset.Id))).Value);
        var csv = (await log.ExportCsvAsync(admin.Id, new AuditQuery())).Value;

        Assert.Equal((result.RequestId, DeletionChannel.Api, "LTAIkey"), (found.RequestId, found.Channel, found.AccessKeyId));
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Contains($"{asset.Id},Deleted,\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\",", lines[1], StringComparison.Ordinal);
        Assert.EndsWith($"{missing},NonExistent,,,,,,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marking_a_cdn_reminder_done_is_in_the_audit_log_and_its_csv_with_who_when_and_why()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var marked = await App.Deletion.DeleteAsync(new DeletionCaller(editor.Id, DeletionChannel.Console), (await App.AddAssetAsync(editor.Id)).Id);
        var open = await App.Deletion.DeleteAsync(new DeletionCaller(editor.Id, DeletionChannel.Console), (await App.AddAssetAsync(editor.Id)).Id);
        var before = DateTime.UtcNow.AddSeconds(-1);
        Assert.True((await App.Services.GetRequiredService<CdnPurgeService>().MarkDoneAsync(editor.Id, marked.RequestId, "Refreshed by hand, \"all\" of it")).IsSuccess);
        var log = App.Services.GetRequiredService<AuditLogService>();

        var lines = (await log.SearchAsync(admin.Id, new AuditQuery())).Value;
        var csv = (await log.ExportCsvAsync(admin.Id, new AuditQuery())).Value.TrimEnd('\n').Split('\n');

        var done = lines.Single(l => l.RequestId == marked.RequestId).CdnMarkDone;
        Assert.NotNull(done);
        Assert.Equal((editor.UserName, "Refreshed by hand, \"all\" of it"), (done.By, done.Reason));
        Assert.InRange(done.AtUtc, before, DateTime.UtcNow.AddSeconds(1));
        Assert.Null(lines.Single(l => l.RequestId == open.RequestId).CdnMarkDone);
        Assert.EndsWith(",reason,cdn_marked_done_by,cdn_marked_done_utc,cdn_marked_done_reason,alibaba_request_id", csv[0], StringComparison.Ordinal);
        var time = done.AtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        Assert.EndsWith($",{editor.UserName},{time},\"Refreshed by hand, \"\"all\"\" of it\",", csv.Single(l => l.StartsWith(marked.RequestId, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith(",,,,,", csv.Single(l => l.StartsWith(open.RequestId, StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_account_managers_may_read_the_log()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var log = App.Services.GetRequiredService<AuditLogService>();

        var search = await log.SearchAsync(editor.Id, new AuditQuery());
        var export = await log.ExportCsvAsync(editor.Id, new AuditQuery());

        Assert.Equal((ResultStatus.Forbidden, ResultStatus.Forbidden), (search.Status, export.Status));
        Assert.Contains("Manage accounts", export.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cdn_reminder_stays_open_until_marked_done_once_with_a_reason_that_is_kept()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator, "Ada Admin");
        var asset = await App.AddAssetAsync(admin.Id);
        await App.Deletion.DeleteAsync(new DeletionCaller(admin.Id, DeletionChannel.Console), asset.Id);
        var purges = App.Services.GetRequiredService<CdnPurgeService>();

        var open = Assert.Single((await OpenAsync(admin.Id)).Items);
        var withoutReason = await purges.MarkDoneAsync(admin.Id, open.RequestId, "  ");
        var first = await purges.MarkDoneAsync(admin.Id, open.RequestId, "Refreshed by hand in the vendor's console");
        var second = await purges.MarkDoneAsync(admin.Id, open.RequestId, "Again.");
        var unknown = await purges.MarkDoneAsync(admin.Id, Guid.NewGuid().ToString("D"), "Refreshed.");

        Assert.Equal(asset.Files.Count, open.UrlCount);
        Assert.Equal((ResultStatus.Invalid, ResultStatus.Ok, ResultStatus.Conflict, ResultStatus.NotFound), (withoutReason.Status, first.Status, second.Status, unknown.Status));
        Assert.Equal($"Already closed: marked done by {admin.UserName}: Refreshed by hand in the vendor's console.", second.Error);
        Assert.Empty((await OpenAsync(admin.Id)).Items);
        var closed = (await App.Services.GetRequiredService<CdnPurgeQueries>().DetailAsync(admin.Id, open.RequestId)).Value.Summary;
        Assert.Equal((admin.UserName, "Refreshed by hand in the vendor's console"), (closed.DoneBy, closed.DoneReason));
    }

    [Fact]
    public async Task A_viewer_sees_open_cdn_reminders_but_is_not_offered_to_mark_them()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var viewer = await App.CreateUserAsync(RoleNames.Viewer);
        await App.Deletion.DeleteAsync(new DeletionCaller(admin.Id, DeletionChannel.Console), (await App.AddAssetAsync(admin.Id)).Id);

        var asViewer = await OpenAsync(viewer.Id);
        var asAdmin = await OpenAsync(admin.Id);

        Assert.Single(asViewer.Items);
        Assert.Equal((false, true), (asViewer.CanMarkDone, asAdmin.CanMarkDone));
    }

    private async Task<CdnPurgePage> OpenAsync(string userId) =>
        (await App.Services.GetRequiredService<CdnPurgeQueries>().ListAsync(userId, new CdnPurgeListQuery(OpenOnly: true))).Value;
}
