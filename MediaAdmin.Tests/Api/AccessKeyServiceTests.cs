using MediaAdmin.Core.AccessKeys;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Api;

public sealed class AccessKeyServiceTests : CoreHostTest
{
    private AccessKeyService Keys => App.Services.GetRequiredService<AccessKeyService>();

    [Fact]
    public async Task A_user_holds_at_most_two_keys_and_the_secret_is_stored_protected()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);

        var first = await Keys.CreateAsync(editor.Id, editor.Id);
        var second = await Keys.CreateAsync(editor.Id, editor.Id);
        var third = await Keys.CreateAsync(editor.Id, editor.Id);

        Assert.True(first.IsSuccess);
        Assert.True(second.IsSuccess);
        Assert.Equal(Problem.Conflict("An account can hold at most 2 AccessKeys; delete one first."), third.Problem);
        await using var db = await App.OpenDbAsync();
        var stored = await db.AccessKeys.SingleAsync(k => k.Id == first.Value.Id);
        Assert.DoesNotContain(first.Value.Secret, stored.ProtectedSecret, StringComparison.Ordinal);
        Assert.Equal(first.Value.Secret, (await Keys.ForSigningAsync(first.Value.Id)).Secret);
    }

    [Fact]
    public async Task Editors_manage_only_their_own_keys_and_administrators_see_everyones()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var other = await App.CreateUserAsync(RoleNames.Editor);
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var othersKey = (await Keys.CreateAsync(other.Id, other.Id)).Value;

        Assert.Equal(Problem.Forbidden("You may create AccessKeys only for your own account."), (await Keys.CreateAsync(editor.Id, other.Id)).Problem);
        Assert.Equal(Problem.Forbidden("You may change only your own AccessKeys."), (await Keys.SetEnabledAsync(editor.Id, othersKey.Id, false)).Problem);
        Assert.Equal(Problem.Forbidden("You may list only your own AccessKeys."), (await Keys.ListAsync(editor.Id, other.Id)).Problem);
        Assert.Empty((await Keys.ListAsync(editor.Id)).Value);
        Assert.Equal([othersKey.Id], (await Keys.ListAsync(admin.Id)).Value.Select(k => k.Id));
        Assert.Equal([othersKey.Id], (await Keys.ListAsync(admin.Id, other.Id)).Value.Select(k => k.Id));
        Assert.True((await Keys.SetEnabledAsync(admin.Id, othersKey.Id, false)).IsSuccess);
        Assert.Equal(AccessKeyRefusal.Disabled, (await Keys.ForSigningAsync(othersKey.Id)).Refusal);
    }

    [Fact]
    public async Task Deleted_keys_and_keys_of_locked_out_users_cannot_sign()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var deleted = (await Keys.CreateAsync(editor.Id, editor.Id)).Value;
        var kept = (await Keys.CreateAsync(editor.Id, editor.Id)).Value;
        Assert.True((await Keys.DeleteAsync(editor.Id, deleted.Id)).IsSuccess);
        Assert.Equal(Problem.NotFound("That AccessKey no longer exists."), (await Keys.DeleteAsync(editor.Id, deleted.Id)).Problem);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Core.Accounts.MediaUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(editor.Id))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        Assert.Equal(AccessKeyRefusal.NotFound, (await Keys.ForSigningAsync(deleted.Id)).Refusal);
        Assert.Equal(AccessKeyRefusal.UserNotActive, (await Keys.ForSigningAsync(kept.Id)).Refusal);
    }

    [Fact]
    public async Task A_key_of_a_disabled_account_cannot_sign_until_the_account_is_enabled_again()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var key = (await Keys.CreateAsync(editor.Id, editor.Id)).Value;
        await using var scope = App.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Core.Accounts.AccountAdministration>();

        Assert.True((await accounts.SetDisabledAsync(admin.Id, editor.Id, disabled: true)).IsSuccess);
        var whileDisabled = await Keys.ForSigningAsync(key.Id);
        Assert.True((await accounts.SetDisabledAsync(admin.Id, editor.Id, disabled: false)).IsSuccess);
        var afterwards = await Keys.ForSigningAsync(key.Id);

        Assert.Equal(AccessKeyRefusal.UserNotActive, whileDisabled.Refusal);
        Assert.Equal(AccessKeyRefusal.None, afterwards.Refusal);
        Assert.Equal((editor.Id, key.Secret), (afterwards.UserId, afterwards.Secret));
    }

    [Fact]
    public async Task A_nonce_is_accepted_once_and_purged_only_after_the_window()
    {
        var nonces = App.Services.GetRequiredService<NonceStore>();

        Assert.True(await nonces.TryUseAsync("abc"));
        Assert.False(await nonces.TryUseAsync("abc"));
        Assert.Equal(0, await nonces.PurgeAsync());
        Assert.False(await nonces.TryUseAsync("abc"));
    }
}
