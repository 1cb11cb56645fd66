using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Accounts;

/// <summary>The rules that keep the console administrable, through the service the Accounts and Roles pages call.</summary>
public sealed class AccountAdministrationTests : CoreHostTest
{
    [Fact]
    public async Task An_administrator_cannot_disable_lock_or_demote_themself()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        await App.CreateUserAsync(RoleNames.Administrator);

        var disabled = await WithAccountsAsync(a => a.SetDisabledAsync(admin.Id, admin.Id, true));
        var locked = await WithAccountsAsync(a => a.SetLockedOutAsync(admin.Id, admin.Id, true));
        var demoted = await WithAccountsAsync(a => a.SetRolesAsync(admin.Id, admin.Id, [RoleNames.Editor]));

        Assert.All([disabled, locked, demoted], r => Assert.Equal(ResultStatus.Invalid, r.Status));
        Assert.Equal("You cannot lock your own account; ask another administrator.", locked.Error);
        Assert.Equal(new AccountState([RoleNames.Administrator], false, false), await StateAsync(admin.Id));
    }

    [Fact]
    public async Task No_one_can_disable_lock_or_demote_the_last_active_administrator()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var manager = await AccountManagingEditorAsync();
        var formerAdmin = await App.CreateUserAsync(RoleNames.Administrator);
        Assert.True((await WithAccountsAsync(a => a.SetDisabledAsync(admin.Id, formerAdmin.Id, true))).IsSuccess);

        var disabled = await WithAccountsAsync(a => a.SetDisabledAsync(manager.Id, admin.Id, true));
        var locked = await WithAccountsAsync(a => a.SetLockedOutAsync(manager.Id, admin.Id, true));
        var demoted = await WithAccountsAsync(a => a.SetRolesAsync(manager.Id, admin.Id, [RoleNames.Editor]));

        Assert.All([disabled, locked, demoted], r => Assert.Equal(ResultStatus.Conflict, r.Status));
        Assert.Equal($"You cannot disable {admin.Email}: it is the last active administrator account.", disabled.Error);
        Assert.Equal(new AccountState([RoleNames.Administrator], false, false), await StateAsync(admin.Id));
    }

    [Fact]
    public async Task An_administrator_with_an_active_colleague_can_be_disabled_locked_and_demoted()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var colleague = await App.CreateUserAsync(RoleNames.Administrator);

        var demoted = await WithAccountsAsync(a => a.SetRolesAsync(admin.Id, colleague.Id, [RoleNames.Editor]));
        var locked = await WithAccountsAsync(a => a.SetLockedOutAsync(admin.Id, colleague.Id, true));
        var disabled = await WithAccountsAsync(a => a.SetDisabledAsync(admin.Id, colleague.Id, true));

        Assert.All([demoted, locked, disabled], r => Assert.Equal(ResultStatus.Ok, r.Status));
        Assert.Equal(new AccountState([RoleNames.Editor], true, true), await StateAsync(colleague.Id));
    }

    [Fact]
    public async Task Unknown_roles_and_permissions_are_refused_and_change_nothing()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var editor = await App.CreateUserAsync(RoleNames.Editor);

        var roles = await WithAccountsAsync(a => a.SetRolesAsync(admin.Id, editor.Id, [RoleNames.Viewer, "Superuser"]));
        var permissions = await WithRolesAsync(r => r.SetRolePermissionsAsync(admin.Id, RoleNames.Editor, [PermissionNames.ReadMedia, "media.fly"]));
        var role = await WithRolesAsync(r => r.SetRolePermissionsAsync(admin.Id, "Superuser", [PermissionNames.ReadMedia]));

        Assert.Equal((ResultStatus.Invalid, "No such role: Superuser."), (roles.Status, roles.Error));
        Assert.Equal((ResultStatus.Invalid, "No such permission: media.fly."), (permissions.Status, permissions.Error));
        Assert.Equal((ResultStatus.NotFound, "No such role: Superuser."), (role.Status, role.Error));
        Assert.Equal(new AccountState([RoleNames.Editor], false, false), await StateAsync(editor.Id));
        Assert.Equal(RoleNames.Defaults[RoleNames.Editor].Order(), await PermissionsOfAsync(admin.Id, RoleNames.Editor));
    }

    [Fact]
    public async Task The_administrator_role_keeps_manage_accounts()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);

        var result = await WithRolesAsync(r => r.SetRolePermissionsAsync(admin.Id, RoleNames.Administrator, [PermissionNames.ReadMedia]));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains(PermissionNames.ManageAccounts, await PermissionsOfAsync(admin.Id, RoleNames.Administrator));
    }

    [Fact]
    public async Task A_caller_who_may_not_manage_accounts_is_refused_everything()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var viewer = await App.CreateUserAsync(RoleNames.Viewer);

        var statuses = new[]
        {
            (await WithAccountsAsync(a => a.ListAsync(editor.Id))).Status,
            (await WithAccountsAsync(a => a.CreateAsync(editor.Id, "new@test.local", RoleNames.Editor, null))).Status,
            (await WithAccountsAsync(a => a.SetDisabledAsync(editor.Id, viewer.Id, true))).Status,
            (await WithAccountsAsync(a => a.ResetPasswordAsync(editor.Id, viewer.Id))).Status,
            (await WithAccountsAsync(a => a.SetRolesAsync(editor.Id, viewer.Id, [RoleNames.Administrator]))).Status,
            (await WithRolesAsync(r => r.RolesAsync(editor.Id))).Status,
            (await WithRolesAsync(r => r.SetRolePermissionsAsync(editor.Id, RoleNames.Viewer, PermissionNames.All.ToList()))).Status,
        };

        Assert.All(statuses, s => Assert.Equal(ResultStatus.Forbidden, s));
        Assert.Equal(new AccountState([RoleNames.Viewer], false, false), await StateAsync(viewer.Id));
    }

    [Fact]
    public async Task The_account_that_owns_mirrored_videos_is_not_listed_among_the_accounts_people_use()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        await App.Services.GetRequiredService<RemoteMirror>().UpsertAsync(
            [new VodRemoteVideo(new string('a', 32), MediaType.Video, "Remote", null, "Normal", 1, 1, null, null, null, DateTime.UtcNow, null, [])], null, DateTime.UtcNow);

        var listed = (await WithAccountsAsync(a => a.ListAsync(admin.Id))).Value;

        Assert.Equal([admin.Id], listed.Select(a => a.Id));
    }

    [Fact]
    public async Task A_new_account_and_a_reset_password_are_shown_once_for_that_account()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);

        var created = await WithAccountsAsync(a => a.CreateAsync(admin.Id, " new.editor@test.local ", RoleNames.Editor, "New Editor"));
        var duplicate = await WithAccountsAsync(a => a.CreateAsync(admin.Id, "new.editor@test.local", RoleNames.Editor, null));
        var listed = (await WithAccountsAsync(a => a.ListAsync(admin.Id))).Value;
        var account = Assert.Single(listed, a => a.Email == "new.editor@test.local");
        var reset = await WithAccountsAsync(a => a.ResetPasswordAsync(admin.Id, account.Id));
        var missing = await WithAccountsAsync(a => a.ResetPasswordAsync(admin.Id, "no-such-account"));

        Assert.Equal("new.editor@test.local", created.Value.Email);
        Assert.Equal((ResultStatus.Invalid, "An account for new.editor@test.local already exists."), (duplicate.Status, duplicate.Error));
        Assert.Equal("new.editor@test.local", reset.Value.Email);
        Assert.NotEqual(created.Value.Password, reset.Value.Password);
        Assert.Equal(ResultStatus.NotFound, missing.Status);
    }

    /// <summary>An Editor whose role was also given 'Manage accounts': an account manager who is not an administrator.</summary>
    private async Task<MediaUser> AccountManagingEditorAsync()
    {
        await App.SetRolePermissionsAsync(RoleNames.Editor, [.. RoleNames.Defaults[RoleNames.Editor], PermissionNames.ManageAccounts]);
        return await App.CreateUserAsync(RoleNames.Editor);
    }

    private async Task<AccountState> StateAsync(string userId)
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var account = Assert.Single((await WithAccountsAsync(a => a.ListAsync(admin.Id))).Value, a => a.Id == userId);
        return new AccountState(account.Roles, account.IsDisabled, account.IsLockedOut);
    }

    private async Task<IEnumerable<string>> PermissionsOfAsync(string callerId, string role) =>
        Assert.Single((await WithRolesAsync(r => r.RolesAsync(callerId))).Value, r => r.Name == role).Permissions;

    // A scope per call, as the pages use them: Identity's stores are scoped.
    private async Task<Result<T>> WithAccountsAsync<T>(Func<AccountAdministration, Task<Result<T>>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AccountAdministration>());
    }

    private async Task<Result<T>> WithRolesAsync<T>(Func<RoleAdministration, Task<Result<T>>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<RoleAdministration>());
    }

    private sealed record AccountState(IReadOnlyList<string> Roles, bool IsDisabled, bool IsLockedOut)
    {
        public bool Equals(AccountState? other) =>
            other is not null && Roles.SequenceEqual(other.Roles) && (IsDisabled, IsLockedOut) == (other.IsDisabled, other.IsLockedOut);

        public override int GetHashCode() => HashCode.Combine(Roles.Count, IsDisabled, IsLockedOut);
    }
}
