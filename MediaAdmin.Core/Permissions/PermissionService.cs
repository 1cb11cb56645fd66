using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Permissions;

/// <summary>
/// Reads a user's roles and role claims from the database on every call, so a role change or a
/// lock-out takes effect at once, whatever a cookie or an open circuit still says.
/// </summary>
public sealed class PermissionService(IDbContextFactory<MediaDbContext> dbFactory, TimeProvider clock)
{
    public async Task<CallerPermissions> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await GetAsync(db, userId, cancellationToken);
    }

    internal async Task<CallerPermissions> GetAsync(MediaDbContext db, string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.UserName, u.IsDisabled, u.LockoutEnd })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return CallerPermissions.Unknown(userId);
        }

        var granted = await (
                from userRole in db.UserRoles
                join claim in db.RoleClaims on userRole.RoleId equals claim.RoleId
                where userRole.UserId == userId && claim.ClaimType == PermissionNames.ClaimType
                select claim.ClaimValue)
            .Distinct()
            .ToListAsync(cancellationToken);

        var lockedOut = user.LockoutEnd is { } end && end > clock.GetUtcNow();
        return new CallerPermissions(
            user.Id,
            user.UserName ?? user.Id,
            IsActive: !user.IsDisabled && !lockedOut,
            granted.OfType<string>().ToHashSet(StringComparer.Ordinal));
    }
}
