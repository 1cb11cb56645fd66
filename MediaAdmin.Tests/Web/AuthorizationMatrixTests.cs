using System.Net;
using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using MediaAdmin.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Web;

/// <summary>Every kind of caller against every page and every delete target; a denial changes nothing.</summary>
public sealed class AuthorizationMatrixTests : ConsoleServerTest
{
    private const string Allowed = "200";
    private const string SignIn = "login";
    private const string Denied = "403";

    public static TheoryData<string, string, string> Pages() => new()
    {
        { "anonymous", "/", SignIn }, { "anonymous", "/cdn-refresh", SignIn }, { "anonymous", "/admin/accounts", SignIn }, { "anonymous", "/admin/audit.csv", SignIn },
        { RoleNames.Viewer, "/", Allowed }, { RoleNames.Viewer, "/cdn-refresh", Allowed }, { RoleNames.Viewer, "/admin/accounts", Denied }, { RoleNames.Viewer, "/admin/audit.csv", Denied },
        { RoleNames.Editor, "/", Allowed }, { RoleNames.Editor, "/cdn-refresh", Allowed }, { RoleNames.Editor, "/admin/roles", Denied }, { RoleNames.Editor, "/admin/audit.csv", Denied },
        { RoleNames.Administrator, "/", Allowed }, { RoleNames.Administrator, "/admin/accounts", Allowed }, { RoleNames.Administrator, "/admin/roles", Allowed },
        { RoleNames.Administrator, "/admin/audit", Allowed }, { RoleNames.Administrator, "/admin/audit.csv", Allowed },
        { "locked-out", "/", Denied }, { "locked-out", "/admin/accounts", Denied },
        { "revoked", "/", Denied }, { "revoked", "/cdn-refresh", Denied },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_caller_gets_the_page_its_current_rights_allow(string who, string path, string expected)
    {
        using var client = Server.CreateClient();
        if (who != "anonymous")
        {
            var user = await Server.CreateUserAsync(RoleOf(who));
            var login = await ConsoleServer.PostLoginAsync(client, user.Email!, "Test-Password-1");
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.DoesNotContain("Login", login.Headers.Location!.ToString(), StringComparison.Ordinal);

            // Changed after sign-in: the cookie still says what it said, the database does not.
            await ChangeRightsAsync(who, user.Id);
        }

        var response = await client.GetAsync(path);

        var outcome = response.StatusCode switch
        {
            HttpStatusCode.OK => Allowed,
            HttpStatusCode.Redirect when response.Headers.Location!.ToString().Contains("/Account/Login", StringComparison.Ordinal) => SignIn,
            HttpStatusCode.Redirect when response.Headers.Location!.ToString().Contains("/Account/AccessDenied", StringComparison.Ordinal) => Denied,
            HttpStatusCode.Forbidden => Denied,
            _ => $"{(int)response.StatusCode} {response.Headers.Location}",
        };
        Assert.Equal(expected, outcome);
    }

    [Theory]
    [InlineData(RoleNames.Viewer, DeletionOutcome.Forbidden, DeletionOutcome.Forbidden)]
    [InlineData(RoleNames.Editor, DeletionOutcome.Deleted, DeletionOutcome.Forbidden)]
    [InlineData(RoleNames.Administrator, DeletionOutcome.Deleted, DeletionOutcome.Deleted)]
    [InlineData("locked-out", DeletionOutcome.Forbidden, DeletionOutcome.Forbidden)]
    [InlineData("revoked", DeletionOutcome.Forbidden, DeletionOutcome.Forbidden)]
    [InlineData("disabled", DeletionOutcome.Forbidden, DeletionOutcome.Forbidden)]
    public async Task Each_caller_deletes_own_others_and_missing_assets_as_its_current_rights_allow(string who, DeletionOutcome onOwn, DeletionOutcome onOthers)
    {
        var caller = await Server.CreateUserAsync(RoleOf(who));
        var other = await Server.CreateUserAsync(RoleNames.Editor);
        var ingestion = Server.Services.GetRequiredService<AssetIngestion>();
        var own = await ingestion.IngestAsync(Drafts.Video(caller.Id, "Own"));
        var others = await ingestion.IngestAsync(Drafts.Video(other.Id, "Others'"));
        var missing = VideoId.New();
        await ChangeRightsAsync(who, caller.Id);

        var result = await Server.Services.GetRequiredService<VideoDeletionService>()
            .DeleteAsync(new DeletionCaller(caller.Id, DeletionChannel.Console), $"{own.Id},{others.Id},{missing}");

        DeletionOutcome OutcomeOf(string id) =>
            result.Deleted.Any(d => d.VideoId == id) ? DeletionOutcome.Deleted
            : result.Forbidden.Any(f => f.VideoId == id) ? DeletionOutcome.Forbidden
            : DeletionOutcome.NonExistent;
        Assert.Equal((onOwn, onOthers, DeletionOutcome.NonExistent), (OutcomeOf(own.Id), OutcomeOf(others.Id), OutcomeOf(missing)));

        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.MediaDbContext>();
        Assert.Equal(onOwn != DeletionOutcome.Deleted, db.MediaAssets.Any(a => a.Id == own.Id));
        Assert.Equal(onOthers != DeletionOutcome.Deleted, db.MediaAssets.Any(a => a.Id == others.Id));
    }

    [Theory]
    [InlineData(RoleNames.Viewer, ResultStatus.Forbidden)]
    [InlineData(RoleNames.Editor, ResultStatus.Ok)]
    [InlineData(RoleNames.Administrator, ResultStatus.Ok)]
    [InlineData("locked-out", ResultStatus.Forbidden)]
    [InlineData("revoked", ResultStatus.Forbidden)]
    [InlineData("disabled", ResultStatus.Forbidden)]
    public async Task Each_caller_marks_a_cdn_deletion_done_only_with_a_delete_permission(string who, ResultStatus expected)
    {
        var caller = await Server.CreateUserAsync(RoleOf(who));
        var requestId = await OpenReminderAsync();
        await ChangeRightsAsync(who, caller.Id);

        var marked = await Server.Services.GetRequiredService<CdnPurgeService>().MarkDoneAsync(caller.Id, requestId, "Refreshed by hand in the vendor's console.");

        Assert.Equal(expected, marked.Status);
        Assert.Equal(expected != ResultStatus.Ok, await IsOpenAsync(requestId));
    }

    [Theory]
    [InlineData(RoleNames.Viewer, false)]
    [InlineData(RoleNames.Editor, true)]
    [InlineData(RoleNames.Administrator, true)]
    public async Task The_cdn_refresh_page_offers_mark_done_only_to_callers_who_may_do_it(string role, bool offered)
    {
        var caller = await Server.CreateUserAsync(role);
        await OpenReminderAsync();
        using var client = Server.CreateClient();
        await ConsoleServer.PostLoginAsync(client, caller.Email!, "Test-Password-1");

        var page = await client.GetStringAsync("/cdn-refresh");

        Assert.Contains("data-testid=\"cdn-reminder-item\"", page, StringComparison.Ordinal);
        Assert.Equal(offered, page.Contains("data-testid=\"mark-done\"", StringComparison.Ordinal));
    }

    private static string RoleOf(string who) =>
        who is "locked-out" or "disabled" ? RoleNames.Administrator : who is "revoked" ? RoleNames.Editor : who;

    /// <summary>Changes the rights of <paramref name="who"/> after the fact: the database says so, a cookie or circuit does not.</summary>
    private Task ChangeRightsAsync(string who, string userId) =>
        Server.WithUsersAsync<IdentityResult>(async users =>
        {
            var user = (await users.FindByIdAsync(userId))!;
            switch (who)
            {
                case "locked-out":
                    return await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1));
                case "revoked":
                    return await users.RemoveFromRoleAsync(user, RoleNames.Editor);
                case "disabled":
                    user.IsDisabled = true;
                    return await users.UpdateAsync(user);
                default:
                    return IdentityResult.Success;
            }
        });

    private async Task<string> AdministratorIdAsync() => (await Server.CreateUserAsync(RoleNames.Administrator)).Id;

    /// <summary>A deletion by an administrator, leaving one open CDN reminder; its request ID.</summary>
    private async Task<string> OpenReminderAsync()
    {
        var admin = await AdministratorIdAsync();
        var asset = await Server.Services.GetRequiredService<AssetIngestion>().IngestAsync(Drafts.Video(admin, "Reminded"));
        var deletion = await Server.Services.GetRequiredService<VideoDeletionService>().DeleteAsync(new DeletionCaller(admin, DeletionChannel.Console), asset.Id);
        Assert.True(await IsOpenAsync(deletion.RequestId));
        return deletion.RequestId;
    }

    private async Task<bool> IsOpenAsync(string requestId) =>
        (await Server.Services.GetRequiredService<CdnPurgeQueries>().DetailAsync(await AdministratorIdAsync(), requestId)).Value.Summary.IsOpen;
}
