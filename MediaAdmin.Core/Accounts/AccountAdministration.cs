using MediaAdmin.Core.Data;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using MediaAdmin.Core.Sources.AlibabaVod;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Accounts;

/// <summary>
/// Account administration. Every call re-checks, in the database, that the caller may manage
/// accounts. No change may leave the console without an active administrator: an administrator cannot
/// disable, lock or demote themself, and no one can disable, lock or demote the last active member of
/// the Administrator role.
/// </summary>
public sealed class AccountAdministration(
    UserManager<MediaUser> users,
    RoleManager<IdentityRole> roles,
    AccountProvisioning provisioning,
    PermissionService permissions,
    MediaDbContext db,
    TimeProvider clock)
{
    /// <summary>What a caller without the 'Manage accounts' permission is told.</summary>
    internal static Problem NotAllowed { get; } = Problem.Forbidden("Only administrators with the 'Manage accounts' permission may do this.");

    /// <summary>Every account people use, with its roles and state, by e-mail; the mirror's owner account is not one.</summary>
    public async Task<Result<IReadOnlyList<AccountSummary>>> ListAsync(string callerId, CancellationToken cancellationToken = default)
    {
        if (!await MayManageAsync(callerId, cancellationToken))
        {
            return NotAllowed;
        }

        var now = clock.GetUtcNow();
        var accounts = await db.Users.AsNoTracking().Where(u => u.Id != RemoteLibraryOwner.UserId).OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roleNames = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var byUser = roleNames.ToLookup(r => r.UserId, r => r.Name!);
        return Result<IReadOnlyList<AccountSummary>>.Success(accounts.Select(u => new AccountSummary(
            u.Id, u.Email ?? u.UserName ?? u.Id, u.DisplayName, byUser[u.Id].Order().ToList(), u.IsDisabled, u.LockoutEnd > now, u.CreatedAtUtc)).ToList());
    }

    /// <summary>Creates an account with one role and a generated password, returned once.</summary>
    public async Task<Result<OneTimePassword>> CreateAsync(string callerId, string? email, string? role, string? displayName)
    {
        if (!await MayManageAsync(callerId))
        {
            return NotAllowed;
        }

        var created = await provisioning.CreateAsync(email, role, null, displayName);
        return created.Succeeded ? new OneTimePassword(created.User!.Email!, created.Password!) : Problem.Invalid(string.Join(" ", created.Errors));
    }

    /// <summary>Switches an account off (its open sessions end at their next check) or on again.</summary>
    public Task<Result<Done>> SetDisabledAsync(string callerId, string userId, bool disabled) =>
        ChangeAsync(callerId, userId, "disable", _ => Task.FromResult(disabled), async user =>
        {
            user.IsDisabled = disabled;
            var updated = await users.UpdateAsync(user);

            // A new stamp ends the user's open sessions at their next revalidation.
            return updated.Succeeded ? await users.UpdateSecurityStampAsync(user) : updated;
        });

    /// <summary>Locks an account until an administrator unlocks it, or unlocks it (forgetting its failed sign-ins).</summary>
    public Task<Result<Done>> SetLockedOutAsync(string callerId, string userId, bool locked) =>
        ChangeAsync(callerId, userId, "lock", _ => Task.FromResult(locked), async user =>
        {
            var result = await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
            if (result.Succeeded && !locked)
            {
                result = await users.ResetAccessFailedCountAsync(user);
            }

            return result.Succeeded && locked ? await users.UpdateSecurityStampAsync(user) : result;
        });

    /// <summary>Gives an account a new generated password, returned once.</summary>
    public async Task<Result<OneTimePassword>> ResetPasswordAsync(string callerId, string userId)
    {
        var password = AccountProvisioning.GeneratePassword();
        MediaUser? changed = null;
        var result = await ChangeAsync(callerId, userId, "reset the password of", _ => Task.FromResult(false), async user =>
        {
            changed = user;
            var token = await users.GeneratePasswordResetTokenAsync(user);
            return await users.ResetPasswordAsync(user, token, password);
        });
        return result.Map(_ => new OneTimePassword(changed!.Email ?? changed.Id, password));
    }

    /// <summary>
    /// Replaces an account's roles with <paramref name="newRoles"/>, each of which must exist; an account that is no
    /// longer only an Editor loses its category grants (<see cref="CategoryGrants"/>).
    /// </summary>
    public async Task<Result<Done>> SetRolesAsync(string callerId, string userId, IReadOnlyCollection<string> newRoles)
    {
        ArgumentNullException.ThrowIfNull(newRoles);
        if (!await MayManageAsync(callerId))
        {
            return NotAllowed;
        }

        var unknown = new List<string>();
        foreach (var role in newRoles)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                unknown.Add(role);
            }
        }

        if (unknown.Count > 0)
        {
            return Problem.Invalid($"No such role: {string.Join(", ", unknown)}.");
        }

        var demotes = async (MediaUser user) => !newRoles.Contains(RoleNames.Administrator) && await users.IsInRoleAsync(user, RoleNames.Administrator);
        return await ApplyChangeAsync(callerId, userId, "remove the Administrator role of", demotes, async user =>
        {
            var current = await users.GetRolesAsync(user);
            var removed = await users.RemoveFromRolesAsync(user, current.Except(newRoles));
            if (!removed.Succeeded)
            {
                return removed;
            }

            var added = await users.AddToRolesAsync(user, newRoles.Except(current));
            if (!added.Succeeded)
            {
                return added;
            }

            if (!CategoryGrants.MayHoldGrants(newRoles))
            {
                // Unseen on the accounts page, grants left behind would come back with a later Editor role.
                await db.CategoryGrants.Where(g => g.UserId == user.Id).ExecuteDeleteAsync();
            }

            return await users.UpdateSecurityStampAsync(user);
        });
    }

    private async Task<Result<Done>> ChangeAsync(
        string callerId, string userId, string what, Func<MediaUser, Task<bool>> removesAdministration, Func<MediaUser, Task<IdentityResult>> change) =>
        await MayManageAsync(callerId) ? await ApplyChangeAsync(callerId, userId, what, removesAdministration, change) : NotAllowed;

    /// <summary>
    /// Applies <paramref name="change"/> to an account, for a caller already known to manage accounts; when
    /// <paramref name="removesAdministration"/> says it would take an administrator away, refuses it for the caller's
    /// own account and for the last active administrator.
    /// </summary>
    private async Task<Result<Done>> ApplyChangeAsync(
        string callerId, string userId, string what, Func<MediaUser, Task<bool>> removesAdministration, Func<MediaUser, Task<IdentityResult>> change)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Problem.NotFound("That account no longer exists.");
        }

        if (await removesAdministration(user))
        {
            if (callerId == userId)
            {
                return Problem.Invalid($"You cannot {what} your own account; ask another administrator.");
            }

            if (await IsLastActiveAdministratorAsync(user))
            {
                return Problem.Conflict($"You cannot {what} {user.Email}: it is the last active administrator account.");
            }
        }

        var result = await change(user);
        return result.Succeeded ? Result.Ok() : Problem.Invalid(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private async Task<bool> IsLastActiveAdministratorAsync(MediaUser user)
    {
        var administrators = await users.GetUsersInRoleAsync(RoleNames.Administrator);
        var now = clock.GetUtcNow();
        return user.IsActiveAt(now) && administrators.Any(a => a.Id == user.Id) && !administrators.Any(a => a.Id != user.Id && a.IsActiveAt(now));
    }

    private Task<bool> MayManageAsync(string callerId, CancellationToken cancellationToken = default) =>
        permissions.HasAsync(callerId, PermissionNames.ManageAccounts, cancellationToken);
}
