using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Permissions;

/// <summary>
/// Reads and replaces the categories granted to Editors: with the AlibabaVod source, where videos have no owner, an
/// Editor may delete the videos in the categories granted to them. Administrators delete any video and Viewers none,
/// so only Editors hold grants. <see cref="PermissionService"/> reads grants on every call, so a change applies at once.
/// </summary>
public sealed class CategoryGrants(IDbContextFactory<MediaDbContext> dbFactory, PermissionService permissions, TimeProvider clock)
{
    /// <summary>Every category, the accounts that may hold grants and what each holds; Forbidden unless the caller manages accounts.</summary>
    public async Task<Result<CategoryGrantsOverview>> OverviewAsync(string callerId, CancellationToken cancellationToken = default)
    {
        if (!await permissions.HasAsync(callerId, PermissionNames.ManageAccounts, cancellationToken))
        {
            return AccountAdministration.NotAllowed;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var all = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        // Shared regardless of case: the grants match names regardless of case, so "Archive" and "ARCHIVE" picked together would be one.
        var shared = all.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var categories = all.Select(c => new GrantableCategory(c.Id, c.Name, shared.Contains(c.Name)))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id).ToList();
        var byId = categories.ToDictionary(c => c.Id);
        var roles = (await RoleNamesQuery(db).ToListAsync(cancellationToken)).ToLookup(r => r.UserId, r => r.Role);
        var grantees = roles.Where(r => MayHoldGrants(r.ToList())).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var granted = await db.CategoryGrants.AsNoTracking().Select(g => new { g.UserId, g.CategoryId }).ToListAsync(cancellationToken);
        var byUser = granted.Where(g => byId.ContainsKey(g.CategoryId)).GroupBy(g => g.UserId, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<GrantableCategory>)g.Select(x => byId[x.CategoryId]).OrderBy(c => c.Label, StringComparer.OrdinalIgnoreCase).ToList(),
                StringComparer.Ordinal);
        return new CategoryGrantsOverview(categories, grantees, byUser);
    }

    /// <summary>
    /// Makes <paramref name="categoryNames"/> the categories granted to the account <paramref name="userId"/>, for a
    /// caller who manages accounts. Names are trimmed and matched regardless of case; repeats count once; an empty list
    /// clears the grants (of any account). Refused, changing nothing, for an account that is not an Editor and for
    /// names that match no category.
    /// </summary>
    public async Task<Result<GrantedCategories>> ReplaceAsync(
        string callerId, string userId, IReadOnlyCollection<string> categoryNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(categoryNames);
        if (!await permissions.HasAsync(callerId, PermissionNames.ManageAccounts, cancellationToken))
        {
            return AccountAdministration.NotAllowed;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new Account(u.Id, u.Email ?? u.UserName ?? u.Id)).FirstOrDefaultAsync(cancellationToken);
        return account is null
            ? Problem.NotFound("That account no longer exists.")
            : await ReplaceAsync(db, account, categoryNames, cancellationToken);
    }

    /// <summary>
    /// <see cref="ReplaceAsync(string, string, IReadOnlyCollection{string}, CancellationToken)"/> for the command line,
    /// which runs with the authority of whoever may start the program on the server; the account is named by e-mail.
    /// </summary>
    public async Task<Result<GrantedCategories>> ReplaceFromCommandLineAsync(
        string email, IReadOnlyCollection<string> categoryNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(categoryNames);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // Identity's default normaliser, so the e-mail matches as signing in matches it.
        var normalized = email.Trim().ToUpperInvariant();
        var account = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized)
            .Select(u => new Account(u.Id, u.Email ?? u.Id)).FirstOrDefaultAsync(cancellationToken);
        return account is null
            ? Problem.NotFound($"No account for {email.Trim()}.")
            : await ReplaceAsync(db, account, categoryNames, cancellationToken);
    }

    private async Task<Result<GrantedCategories>> ReplaceAsync(
        MediaDbContext db, Account account, IReadOnlyCollection<string> categoryNames, CancellationToken cancellationToken)
    {
        var all = await db.Categories.AsNoTracking().ToListAsync(cancellationToken);
        var resolved = CategoryNameMatch.Resolve(all, categoryNames);
        if (!resolved.TryGetValue(out var categories))
        {
            return resolved.Problem;
        }

        if (categories.Count > 0)
        {
            var roles = (await RoleNamesQuery(db, account.Id).ToListAsync(cancellationToken)).Select(r => r.Role).ToList();
            if (NotAGranteeReason(account.Email, roles) is { } reason)
            {
                return Problem.Invalid(reason);
            }
        }

        var wanted = categories.Select(c => c.Id).ToHashSet();
        var current = await db.CategoryGrants.Where(g => g.UserId == account.Id).ToListAsync(cancellationToken);
        db.CategoryGrants.RemoveRange(current.Where(g => !wanted.Contains(g.CategoryId)));
        var now = clock.GetUtcNow().UtcDateTime;
        db.CategoryGrants.AddRange(wanted.Except(current.Select(g => g.CategoryId))
            .Select(id => new CategoryGrant { UserId = account.Id, CategoryId = id, GrantedAtUtc = now }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // One transaction: the account or a category went away, or someone else changed the grants, meanwhile.
            return Problem.Conflict($"The grants of {account.Email} changed, or the account or a category was removed, while saving. Nothing was changed; try again.");
        }

        return new GrantedCategories(account.Id, account.Email, categories.Select(c => c.Name).Order(StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>Administrators delete any video and Viewers none: only an Editor who is not also an Administrator holds grants.</summary>
    internal static bool MayHoldGrants(IReadOnlyCollection<string> roles) => NotAGranteeReason(string.Empty, roles) is null;

    private static string? NotAGranteeReason(string email, IReadOnlyCollection<string> roles)
    {
        if (roles.Contains(RoleNames.Administrator, StringComparer.OrdinalIgnoreCase))
        {
            return $"{email} is an Administrator: administrators may delete any video, so categories are granted only to Editors. Nothing was changed.";
        }

        if (!roles.Contains(RoleNames.Editor, StringComparer.OrdinalIgnoreCase))
        {
            var what = roles.Count == 0 ? "has no role" : $"is a {string.Join(" and ", roles.Order(StringComparer.Ordinal))}";
            return $"{email} {what}, not an Editor: viewers may delete no video, so categories are granted only to Editors. Nothing was changed.";
        }

        return null;
    }

    private static IQueryable<UserRoleName> RoleNamesQuery(MediaDbContext db, string? userId = null) =>
        from ur in db.UserRoles.AsNoTracking()
        where userId == null || ur.UserId == userId
        join r in db.Roles on ur.RoleId equals r.Id
        select new UserRoleName(ur.UserId, r.Name!);

    private sealed record Account(string Id, string Email);

    private sealed record UserRoleName(string UserId, string Role);
}
