using System.Text.RegularExpressions;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Deletion;

/// <summary>One host for the class: each test makes its own users and assets and looks only at those.</summary>
public sealed partial class VideoDeletionServiceTests(SharedCoreHost shared) : IClassFixture<SharedCoreHost>
{
    private CoreHost App => shared.App;

    [Fact]
    public async Task Mixed_batch_reports_deleted_forbidden_and_nonexistent_and_removes_only_the_deleted_files()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var colleague = await App.CreateUserAsync(RoleNames.Editor);
        var own = await App.AddAssetAsync(editor.Id, streams: 3, snapshots: 4, title: "My clip");
        var theirs = await App.AddAssetAsync(colleague.Id, title: "Their clip");
        var missing = VideoId.New();

        var result = await App.Deletion.DeleteAsync(Console(editor.Id), $"{own.Id},{theirs.Id},{missing}");

        Assert.True(result.Succeeded);
        var deleted = Assert.Single(result.Deleted);
        Assert.Equal((own.Id, "My clip", 8), (deleted.VideoId, deleted.Title, deleted.FileCount));
        Assert.Equal(own.TotalSizeBytes, deleted.TotalBytes);
        var forbidden = Assert.Single(result.Forbidden);
        Assert.Equal(theirs.Id, forbidden.VideoId);
        Assert.Contains("only assets you own", forbidden.Reason, StringComparison.Ordinal);
        Assert.Equal([missing], result.NonExistent);

        var live = await App.LiveAssetIdsAsync();
        Assert.DoesNotContain(own.Id, live);
        Assert.Contains(theirs.Id, live);
        await App.WaitForNoPendingDeletionsAsync();
        Assert.Empty(await App.StoredKeysAsync($"media/{own.Id}"));
        Assert.Equal(theirs.Files.Count, (await App.StoredKeysAsync($"media/{theirs.Id}")).Count);
        await App.AssertStorageMatchesDatabaseAsync();
    }

    [Fact]
    public async Task Result_carries_the_cdn_url_of_every_file_of_every_deleted_asset()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var asset = await App.AddAssetAsync(admin.Id, streams: 2, snapshots: 3);

        var result = await App.Deletion.DeleteAsync(Console(admin.Id), asset.Id);

        var expected = asset.Files.Select(f => $"https://cdn.example.test/vod/{f.StorageKey}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, result.CdnUrls.Order(StringComparer.Ordinal));
        Assert.Contains($"https://cdn.example.test/vod/media/{asset.Id}/source.mp4", result.CdnUrls);

        await using var db = await App.OpenDbAsync();
        var reminder = await db.CdnInvalidations.SingleAsync(i => i.RequestId == result.RequestId);
        Assert.Null(reminder.RefreshedAtUtc);
        Assert.Equal((asset.Id, asset.Files.Count), (reminder.VideoIds, reminder.UrlCount));
        Assert.Equal(expected, reminder.Urls.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Hls_segments_of_a_deleted_asset_are_reminded_by_their_folder_and_playlists_one_by_one()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        byte[] content = [1, 2, 3];
        var asset = await App.Services.GetRequiredService<AssetIngestion>().IngestAsync(new AssetDraft("Ladder", MediaType.Video, admin.Id,
        [
            new(MediaFileKind.Mezzanine, "source.mp4", "mp4", content),
            new(MediaFileKind.Stream, "hls/hd/index.m3u8", "m3u8", content),
            new(MediaFileKind.Stream, "hls/hd/init.mp4", "mp4", content),
            new(MediaFileKind.Stream, "hls/hd/seg-00001.m4s", "m4s", content),
            new(MediaFileKind.Stream, "hls/hd/SEG-00002.M4S", "m4s", content),
            new(MediaFileKind.Stream, "hls/sd/seg-00001.ts", "ts", content),
            new(MediaFileKind.Stream, "mp4/sd.mp4", "mp4", content),
        ]));

        var result = await App.Deletion.DeleteAsync(Console(admin.Id), asset.Id);

        var cdn = $"https://cdn.example.test/vod/media/{asset.Id}/";
        string[] expected = [$"{cdn}hls/hd/", $"{cdn}hls/hd/index.m3u8", $"{cdn}hls/sd/", $"{cdn}mp4/sd.mp4", $"{cdn}source.mp4"];
        var deleted = Assert.Single(result.Deleted);
        Assert.Equal(7, deleted.FileCount);
        Assert.Equal(expected, deleted.CdnUrls.Order(StringComparer.Ordinal));
        await using var db = await App.OpenDbAsync();
        Assert.Equal(expected, (await db.CdnInvalidations.SingleAsync(i => i.RequestId == result.RequestId)).Urls.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Delete_of_21_ids_is_rejected_with_VideoIdsExceededMax_and_changes_nothing()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var assets = await App.AddAssetsAsync(admin.Id, 21);

        var result = await App.Deletion.DeleteAsync(Console(admin.Id), string.Join(",", assets.Select(a => a.Id)));

        Assert.Equal("VideoIdsExceededMax", result.Error?.Code);
        Assert.Equal(400, result.Error?.HttpStatus);
        Assert.Empty(result.Deleted);
        Assert.Superset(assets.Select(a => a.Id).ToHashSet(), await App.LiveAssetIdsAsync());
        await App.AssertStorageMatchesDatabaseAsync();
        await AssertAuditedAsync(result.RequestId, "VideoIdsExceededMax");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" , ,, ")]
    public async Task Delete_without_ids_is_rejected_with_MissingVideoIds(string? videoIds)
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var asset = await App.AddAssetAsync(admin.Id);

        var result = await App.Deletion.DeleteAsync(Console(admin.Id), videoIds);

        Assert.Equal(("MissingVideoIds", 400), (result.Error?.Code, result.Error?.HttpStatus));
        Assert.Contains(asset.Id, await App.LiveAssetIdsAsync());
        await AssertAuditedAsync(result.RequestId, "MissingVideoIds");
    }

    [Fact]
    public async Task Delete_of_only_unknown_ids_is_rejected_with_InvalidVideo_NotFound()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var asset = await App.AddAssetAsync(admin.Id);
        var unknown = new[] { VideoId.New(), VideoId.New() };

        var result = await App.Deletion.DeleteAsync(Console(admin.Id), string.Join(",", unknown));

        Assert.Equal(("InvalidVideo.NotFound", 404), (result.Error?.Code, result.Error?.HttpStatus));
        Assert.Equal(unknown, result.NonExistent);
        Assert.Contains(asset.Id, await App.LiveAssetIdsAsync());
        await App.AssertStorageMatchesDatabaseAsync();
        await AssertAuditedAsync(result.RequestId, "InvalidVideo.NotFound");
    }

    [Fact]
    public async Task Twenty_ids_with_duplicates_and_spaces_delete_each_asset_once()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var assets = await App.AddAssetsAsync(admin.Id, 20);
        var messy = string.Join(" , ", assets.Select(a => $"  {a.Id} ")) + "," + string.Join(",,", assets.Take(5).Select(a => a.Id)) + ", ,";

        var result = await App.Deletion.DeleteAsync(Console(admin.Id), messy);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(assets.Select(a => a.Id), result.Deleted.Select(d => d.VideoId));
        Assert.Empty((await App.LiveAssetIdsAsync()).Intersect(assets.Select(a => a.Id)));
        await App.WaitForNoPendingDeletionsAsync();
        foreach (var asset in assets)
        {
            Assert.Empty(await App.StoredKeysAsync($"media/{asset.Id}"));
        }
    }

    [Fact]
    public async Task Hostile_ids_are_nonexistent_or_rejected_and_never_touch_files_outside_storage()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var asset = await App.AddAssetAsync(admin.Id);
        var outside = Path.Combine(App.DataFolder, "outside.txt");
        await File.WriteAllTextAsync(outside, "must survive");
        var hostile = new[]
        {
            "../outside.txt", "../../etc/passwd", "/etc/passwd", "media/../../outside.txt", $"{asset.Id}/../x",
            "' OR 1=1 --", "\"; DROP TABLE MediaAssets; --", "%", "_", "*", "视频标识", "🎬" + asset.Id[2..], asset.Id.ToUpperInvariant(),
        };

        var result = await App.Deletion.DeleteAsync(Console(admin.Id), string.Join(",", hostile));

        Assert.Equal("InvalidVideo.NotFound", result.Error?.Code);
        Assert.Equal(hostile, result.NonExistent);

        var withNul = await App.Deletion.DeleteAsync(Console(admin.Id), $"{asset.Id[..8]}\0{asset.Id[8..]}");
        var fourKilobytes = await App.Deletion.DeleteAsync(Console(admin.Id), new string('a', 4096));
        Assert.Equal("InvalidParameter", withNul.Error?.Code);
        Assert.Equal("InvalidParameter", fourKilobytes.Error?.Code);
        Assert.Contains("at most 64 printable characters", fourKilobytes.Error!.Message, StringComparison.Ordinal);

        Assert.Equal("must survive", await File.ReadAllTextAsync(outside));
        Assert.Contains(asset.Id, await App.LiveAssetIdsAsync());
        await App.AssertStorageMatchesDatabaseAsync();
    }

    [Theory]
    [InlineData(RoleNames.Administrator, "own", DeletionOutcome.Deleted)]
    [InlineData(RoleNames.Administrator, "other", DeletionOutcome.Deleted)]
    [InlineData(RoleNames.Administrator, "missing", DeletionOutcome.NonExistent)]
    [InlineData(RoleNames.Editor, "own", DeletionOutcome.Deleted)]
    [InlineData(RoleNames.Editor, "other", DeletionOutcome.Forbidden)]
    [InlineData(RoleNames.Editor, "missing", DeletionOutcome.NonExistent)]
    [InlineData(RoleNames.Viewer, "own", DeletionOutcome.Forbidden)]
    [InlineData(RoleNames.Viewer, "other", DeletionOutcome.Forbidden)]
    [InlineData(RoleNames.Viewer, "missing", DeletionOutcome.NonExistent)]
    public async Task Each_role_gets_the_outcome_its_permissions_give_on_own_other_and_missing_assets(string role, string whose, DeletionOutcome expected)
    {
        var caller = await App.CreateUserAsync(role);
        var other = await App.CreateUserAsync(RoleNames.Editor);
        var target = whose switch
        {
            "own" => (await App.AddAssetAsync(caller.Id)).Id,
            "other" => (await App.AddAssetAsync(other.Id)).Id,
            _ => VideoId.New(),
        };
        var witness = await App.AddAssetAsync(other.Id);

        var result = await App.Deletion.DeleteAsync(Console(caller.Id), $"{target},{witness.Id[..31]}x");

        var outcome = result.Deleted.Any(d => d.VideoId == target) ? DeletionOutcome.Deleted
            : result.Forbidden.Any(f => f.VideoId == target) ? DeletionOutcome.Forbidden
            : result.NonExistent.Contains(target) ? DeletionOutcome.NonExistent
            : throw new Xunit.Sdk.XunitException($"{target} is in no list (error {result.Error?.Code})");
        Assert.Equal(expected, outcome);
        Assert.Equal(expected == DeletionOutcome.Deleted, !(await App.LiveAssetIdsAsync()).Contains(target) && whose != "missing");
        Assert.Contains(witness.Id, await App.LiveAssetIdsAsync());
        await App.AssertStorageMatchesDatabaseAsync();
    }

    [Fact]
    public async Task A_role_losing_its_delete_permission_between_two_calls_is_forbidden_on_the_second()
    {
        // Changes the Editor role itself, so it gets a host of its own.
        using var folder = new TempFolder();
        await using var app = await CoreHost.StartAsync(folder.Path);
        var editor = await app.CreateUserAsync(RoleNames.Editor);
        var first = await app.AddAssetAsync(editor.Id);
        var second = await app.AddAssetAsync(editor.Id);

        var before = await app.Deletion.DeleteAsync(Console(editor.Id), first.Id);
        await app.SetRolePermissionsAsync(RoleNames.Editor, PermissionNames.ReadMedia);
        var after = await app.Deletion.DeleteAsync(Console(editor.Id), second.Id);

        Assert.Equal([first.Id], before.Deleted.Select(d => d.VideoId));
        var forbidden = Assert.Single(after.Forbidden);
        Assert.Equal((second.Id, "Your roles do not allow deleting assets."), (forbidden.VideoId, forbidden.Reason));
        Assert.Contains(second.Id, await app.LiveAssetIdsAsync());
    }

    [Fact]
    public async Task A_locked_out_administrator_can_delete_nothing()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var asset = await App.AddAssetAsync(admin.Id);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Core.Accounts.MediaUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(admin.Id))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        var result = await App.Deletion.DeleteAsync(Console(admin.Id), asset.Id);

        Assert.Equal("Your account is disabled or locked out.", Assert.Single(result.Forbidden).Reason);
        Assert.Contains(asset.Id, await App.LiveAssetIdsAsync());
    }

    [Fact]
    public async Task Every_call_leaves_one_audit_record_with_an_alibaba_style_request_id_and_the_outcome_per_id()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var colleague = await App.CreateUserAsync(RoleNames.Editor);
        var own = await App.AddAssetAsync(editor.Id, title: "Mine");
        var theirs = await App.AddAssetAsync(colleague.Id, title: "Theirs");
        var missing = VideoId.New();
        var caller = new DeletionCaller(editor.Id, DeletionChannel.Api, AccessKeyId: "LTAI-test-key", RemoteAddress: "127.0.0.1");

        var result = await App.Deletion.DeleteAsync(caller, $"{own.Id},{theirs.Id},{missing}");

        Assert.Matches(RequestIdFormat(), result.RequestId);
        await using var db = await App.OpenDbAsync();
        var record = await db.DeletionAuditRecords.Include(r => r.Entries).SingleAsync(r => r.RequestId == result.RequestId);
        Assert.Equal((result.RequestId, editor.Id, editor.UserName, DeletionChannel.Api, "LTAI-test-key", "127.0.0.1", (string?)null),
            (record.RequestId, record.UserId, record.UserName, record.Channel, record.AccessKeyId, record.RemoteAddress, record.ErrorCode));
        Assert.Equal($"{own.Id},{theirs.Id},{missing}", record.RequestedIds);
        Assert.Equal(
            [(own.Id, DeletionOutcome.Deleted, "Mine"), (theirs.Id, DeletionOutcome.Forbidden, "Theirs"), (missing, DeletionOutcome.NonExistent, null)],
            record.Entries.OrderBy(e => e.Outcome).Select(e => (e.VideoId, e.Outcome, e.Title)));
    }

    [Fact]
    public async Task Request_ids_are_unique_per_call()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var ids = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await App.Deletion.DeleteAsync(Console(admin.Id), VideoId.New())).RequestId);
        }

        Assert.Equal(5, ids.Count);
        await using var db = await App.OpenDbAsync();
        Assert.Equal(5, await db.DeletionAuditRecords.CountAsync(r => ids.Contains(r.RequestId)));
    }

    private async Task AssertAuditedAsync(string requestId, string errorCode)
    {
        await using var db = await App.OpenDbAsync();
        var record = await db.DeletionAuditRecords.SingleAsync(r => r.RequestId == requestId);
        Assert.Equal(errorCode, record.ErrorCode);
    }

    private static DeletionCaller Console(string userId) => new(userId, DeletionChannel.Console);

    [GeneratedRegex("^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$")]
    private static partial Regex RequestIdFormat();
}
