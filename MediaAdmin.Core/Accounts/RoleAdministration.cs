using System.Security.Claims;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Accounts;

/// <summary>The roles and the permissions each grants. Every call re-checks, in the database, that the caller may manage accounts.</summary>
public sealed class RoleAdministration(RoleManager<IdentityRole> roles, PermissionService permissions, MediaDbContext db)
{
    /// <summary>Every role with the permissions it grants, by name.</summary>
    public async Task<Result<IReadOnlyList<RoleSummary>>> RolesAsync(string callerId, CancellationToken cancellationToken = default)
    {
        if (!await MayManageAsync(callerId, cancellationToken))
        {
            return AccountAdministration.NotAllowed;
        }

        var all = await db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var claims = await db.RoleClaims.AsNoTracking().Where(c => c.ClaimType == PermissionNames.ClaimType).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<RoleSummary>>.Success(
            all.Select(r => new RoleSummary(r.Name!, claims.Where(c => c.RoleId == r.Id).Select(c => c.ClaimValue!).Order().ToList())).ToList());
    }

    /// <summary>Makes <paramref name="granted"/> the role's permissions; the Administrator role always keeps 'Manage accounts'.</summary>
    public async Task<Result<Done>> SetRolePermissionsAsync(string callerId, string roleName, IReadOnlyCollection<string> granted)
    {
        ArgumentNullException.ThrowIfNull(granted);
        if (!await MayManageAsync(callerId))
        {
            return AccountAdministration.NotAllowed;
        }

        var unknown = granted.Except(PermissionNames.All).ToList();
        if (unknown.Count > 0)
        {
            return Problem.Invalid($"No such permission: {string.Join(", ", unknown)}.");
        }

        if (roleName == RoleNames.Administrator && !granted.Contains(PermissionNames.ManageAccounts))
        {
            return Problem.Invalid("The Administrator role must keep 'Manage accounts', or no one could manage accounts any more.");
        }

        if (await roles.FindByNameAsync(roleName) is not { } role)
        {
            return Problem.NotFound($"No such role: {roleName}.");
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

        return Result.Ok();
    }

    private Task<bool> MayManageAsync(string callerId, CancellationToken cancellationToken = default) =>
        permissions.HasAsync(callerId, PermissionNames.ManageAccounts, cancellationToken);
}
