using System.Security.Claims;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Permissions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Accounts;

/// <summary>An account as the administration page lists it.</summary>
public sealed record AccountSummary(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, bool IsDisabled, bool IsLockedOut, DateTime CreatedAtUtc);

/// <summary>A role and the permissions it grants.</summary>
public sealed record RoleSummary(string Name, IReadOnlyList<string> Permissions);

/// <summary>The outcome of an administrative action: done (with a new password when one was made), or why not.</summary>
public sealed record AdminResult(string? Error, string? Password = null)
{
    public bool Succeeded => Error is null;

    public static AdminResult Done { get; } = new((string?)null);

    public static AdminResult NotAllowed { get; } = new("Only administrators with the 'Manage accounts' permission may do this.");
}

/// <summary>
/// Account and role administration. Every call re-checks, in the database, that the caller may manage
/// accounts; an administrator cannot disable, lock or demote themselves, so no one locks out the last admin by accident.
/// </summary>
public sealed class AccountAdministration(
    UserManager<MediaUser> users,
    RoleManager<IdentityRole> roles,
    AccountProvisioning provisioning,
    PermissionService permissions,
    MediaDbContext db,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<AccountSummary>?> ListAsync(string callerId, CancellationToken cancellationToken = default)
    {
        if (!await MayManageAsync(callerId, cancellationToken))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roleNames = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var byUser = roleNames.ToLookup(r => r.UserId, r => r.Name!);
        return accounts.Select(u => new AccountSummary(
            u.Id, u.Email ?? u.UserName ?? u.Id, u.DisplayName, byUser[u.Id].Order().ToList(), u.IsDisabled, u.LockoutEnd > now, u.CreatedAtUtc)).ToList();
    }

    public async Task<AdminResult> CreateAsync(string callerId, string? email, string? role, string? displayName)
    {
        if (!await MayManageAsync(callerId))
        {
            return AdminResult.NotAllowed;
        }

        var created = await provisioning.CreateAsync(email, role, null, displayName);
        return created.Succeeded ? new AdminResult(null, created.Password) : new AdminResult(string.Join(" ", created.Errors));
    }

    public Task<AdminResult> SetDisabledAsync(string callerId, string userId, bool disabled) =>
        ChangeOtherAsync(callerId, userId, disabled ? "disable" : "enable", async user =>
        {
            user.IsDisabled = disabled;
            var updated = await users.UpdateAsync(user);

            // A new stamp ends the user's open sessions at their next revalidation.
            return updated.Succeeded ? await users.UpdateSecurityStampAsync(user) : updated;
        });

    public Task<AdminResult> SetLockedOutAsync(string callerId, string userId, bool locked) =>
        ChangeOtherAsync(callerId, userId, locked ? "lock" : "unlock", async user =>
        {
            var result = await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
            if (result.Succeeded && !locked)
            {
                result = await users.ResetAccessFailedCountAsync(user);
            }

            return result.Succeeded && locked ? await users.UpdateSecurityStampAsync(user) : result;
        });

    public async Task<AdminResult> ResetPasswordAsync(string callerId, string userId)
    {
        string? password = null;
        var result = await ChangeAsync(callerId, userId, allowSelf: true, "reset the password of", async user =>
        {
            password = AccountProvisioning.GeneratePassword();
            var token = await users.GeneratePasswordResetTokenAsync(user);
            return await users.ResetPasswordAsync(user, token, password);
        });
        return result.Succeeded ? new AdminResult(null, password) : result;
    }

    public async Task<AdminResult> SetRolesAsync(string callerId, string userId, IReadOnlyCollection<string> newRoles)
    {
        ArgumentNullException.ThrowIfNull(newRoles);
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
            return new AdminResult($"No such role: {string.Join(", ", unknown)}.");
        }

        if (callerId == userId && !newRoles.Contains(RoleNames.Administrator))
        {
            return new AdminResult("You cannot remove your own Administrator role; ask another administrator.");
        }

        return await ChangeAsync(callerId, userId, allowSelf: true, "change the roles of", async user =>
        {
            var current = await users.GetRolesAsync(user);
            var removed = await users.RemoveFromRolesAsync(user, current.Except(newRoles));
            if (!removed.Succeeded)
            {
                return removed;
            }

            var added = await users.AddToRolesAsync(user, newRoles.Except(current));
            return added.Succeeded ? await users.UpdateSecurityStampAsync(user) : added;
        });
    }

    public async Task<IReadOnlyList<RoleSummary>?> RolesAsync(string callerId, CancellationToken cancellationToken = default)
    {
        if (!await MayManageAsync(callerId, cancellationToken))
        {
            return null;
        }

        var all = await db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var claims = await db.RoleClaims.AsNoTracking().Where(c => c.ClaimType == PermissionNames.ClaimType).ToListAsync(cancellationToken);
        return all.Select(r => new RoleSummary(r.Name!, claims.Where(c => c.RoleId == r.Id).Select(c => c.ClaimValue!).Order().ToList())).ToList();
    }

    public async Task<AdminResult> SetRolePermissionsAsync(string callerId, string roleName, IReadOnlyCollection<string> granted)
    {
        ArgumentNullException.ThrowIfNull(granted);
        if (!await MayManageAsync(callerId))
        {
            return AdminResult.NotAllowed;
        }

        var unknown = granted.Except(PermissionNames.All).ToList();
        if (unknown.Count > 0)
        {
            return new AdminResult($"No such permission: {string.Join(", ", unknown)}.");
        }

        if (roleName == RoleNames.Administrator && !granted.Contains(PermissionNames.ManageAccounts))
        {
            return new AdminResult("The Administrator role must keep 'Manage accounts', or no one could manage accounts any more.");
        }

        var role = await roles.FindByNameAsync(roleName);
        if (role is null)
        {
            return new AdminResult($"No such role: {roleName}.");
        }

        var current = (await roles.GetClaimsAsync(role)).Where(c => c.Type == PermissionNames.ClaimType).ToList();
        foreach (var claim in current.Where(c => !granted.Contains(c.Value)))
        {
            await roles.RemoveClaimAsync(role, claim);
        }

        foreach (var permission in granted.Except(current.Select(c => c.Value)))
        {
            await roles.AddClaimAsync(role, new Claim(PermissionNames.ClaimType, permission));
        }

        return AdminResult.Done;
    }

    private Task<AdminResult> ChangeOtherAsync(string callerId, string userId, string what, Func<MediaUser, Task<IdentityResult>> change) =>
        ChangeAsync(callerId, userId, allowSelf: false, what, change);

    private async Task<AdminResult> ChangeAsync(string callerId, string userId, bool allowSelf, string what, Func<MediaUser, Task<IdentityResult>> change)
    {
        if (!await MayManageAsync(callerId))
        {
            return AdminResult.NotAllowed;
        }

        if (!allowSelf && callerId == userId)
        {
            return new AdminResult($"You cannot {what} your own account; ask another administrator.");
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return new AdminResult("That account no longer exists.");
        }

        var result = await change(user);
        return result.Succeeded ? AdminResult.Done : new AdminResult(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private async Task<bool> MayManageAsync(string callerId, CancellationToken cancellationToken = default) =>
        (await permissions.GetAsync(callerId, cancellationToken)).Has(PermissionNames.ManageAccounts);
}
