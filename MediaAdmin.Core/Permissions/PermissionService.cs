using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Permissions;

/// <summary>
/// Reads a user's roles and role claims from the database on every call, so a role change or a
/// lock-out takes effect at once, whatever a cookie or an open circuit still says.
/// </summary>
public sealed class PermissionService(IDbContextFactory<MediaDbContext> dbFactory, IOptions<LibrarySourceOptions> source, TimeProvider clock)
{
    // Compiled once: this runs before every deletion and every page authorization.
    // One round trip: the user with each permission their roles grant (one row with null when none).
    private static readonly Func<MediaDbContext, string, IAsyncEnumerable<PermissionRow>> PermissionRows = EF.CompileAsyncQuery(
        (MediaDbContext db, string userId) =>
            from u in db.Users.AsNoTracking()
            where u.Id == userId
            from userRole in db.UserRoles.Where(r => r.UserId == u.Id).DefaultIfEmpty()
            from claim in db.RoleClaims.Where(c => userRole != null && c.RoleId == userRole.RoleId && c.ClaimType == PermissionNames.ClaimType).DefaultIfEmpty()
            select new PermissionRow(u.Id, u.UserName, u.IsDisabled, u.LockoutEnd, claim == null ? null : claim.ClaimValue));

    public async Task<CallerPermissions> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await GetAsync(db, userId, cancellationToken);
    }

    /// <summary>Whether the user, active now, holds <paramref name="permission"/>.</summary>
    public async Task<bool> HasAsync(string userId, string permission, CancellationToken cancellationToken = default) =>
        (await GetAsync(userId, cancellationToken)).Has(permission);

    internal async Task<CallerPermissions> GetAsync(MediaDbContext db, string userId, CancellationToken cancellationToken)
    {
        var rows = new List<PermissionRow>();
        await foreach (var row in PermissionRows(db, userId).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            return CallerPermissions.Unknown(userId);
        }

        var user = rows[0];
        var granted = rows.Select(r => r.Permission).OfType<string>();
        var kind = source.Value.Source;

        // Only the AlibabaVod source decides by category, so only it pays for the second read.
        var categories = kind == LibrarySourceKind.AlibabaVod
            ? (await db.CategoryGrants.AsNoTracking().Where(g => g.UserId == userId).Select(g => g.CategoryId).ToListAsync(cancellationToken)).ToHashSet()
            : [];
        return new CallerPermissions(
            user.Id,
            user.UserName ?? user.Id,
            IsActive: MediaUser.IsActive(user.IsDisabled, user.LockoutEnd, clock.GetUtcNow()),
            granted.ToHashSet(StringComparer.Ordinal))
        {
            Source = kind,
            GrantedCategoryIds = categories,
        };
    }

    private sealed record PermissionRow(string Id, string? UserName, bool IsDisabled, DateTimeOffset? LockoutEnd, string? Permission);
}
